-- write_orgs.lua: durable audited writes for wrk (tools/bench.sh).
--
--   BENCH_COOKIE='schakel_session=...' BENCH_CSRF=TOKEN BENCH_TAG=TAG \
--       wrk ... -s bench/write_orgs.lua URL
--
-- Every request is POST /api/orgs creating an organisation of type "other"
-- with a name no other request uses: TAG (unique per run, and per server
-- when two wrk run at once), the wrk thread number and a per-thread
-- counter.  BENCH_COOKIE is the whole Cookie header value, BENCH_CSRF the
-- token from the login response; both come from the environment so that
-- no secret shows on a command line.
-- Counts the responses by status; done() prints one line that bench.sh
-- reads:
--   write_orgs: responses=N created=N other=N statuses=201:N,409:N
-- and, when any response was not 201, the first such body.

local threads = {}
local nthreads = 0

function setup(thread)
	nthreads = nthreads + 1
	thread:set("tid", nthreads)
	table.insert(threads, thread)
end

local cookie, csrf, tag
local counter = 0
-- Globals, so that done() can read them from each thread with get().
statuses = {}
first_error = ""

function init(args)
	cookie = os.getenv("BENCH_COOKIE")
	csrf = os.getenv("BENCH_CSRF")
	tag = os.getenv("BENCH_TAG") or "bench"
	if cookie == nil or cookie == "" or csrf == nil or csrf == "" then
		error("write_orgs.lua: set BENCH_COOKIE and BENCH_CSRF")
	end
	wrk.method = "POST"
	wrk.path = "/api/orgs"
	wrk.headers["Cookie"] = cookie
	wrk.headers["X-CSRF-Token"] = csrf
	wrk.headers["Content-Type"] = "application/json"
end

function request()
	counter = counter + 1
	local body = string.format(
	    '{"name":"bench %s t%d n%d","type":"other"}', tag, tid, counter)
	return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
	statuses[status] = (statuses[status] or 0) + 1
	if status ~= 201 and first_error == "" then
		first_error = string.format("%d %s", status,
		    string.sub(body or "", 1, 300))
	end
end

function done(summary, latency, requests)
	local total = {}
	local err = ""
	for _, t in ipairs(threads) do
		for code, n in pairs(t:get("statuses")) do
			total[code] = (total[code] or 0) + n
		end
		local e = t:get("first_error")
		if err == "" and e ~= nil and e ~= "" then
			err = e
		end
	end
	local responses, created = 0, 0
	local codes = {}
	for code, n in pairs(total) do
		responses = responses + n
		if code == 201 then
			created = created + n
		end
		table.insert(codes, code)
	end
	table.sort(codes)
	local parts = {}
	for _, code in ipairs(codes) do
		table.insert(parts, string.format("%d:%d", code, total[code]))
	end
	io.write(string.format(
	    "write_orgs: responses=%d created=%d other=%d statuses=%s\n",
	    responses, created, responses - created,
	    #parts > 0 and table.concat(parts, ",") or "none"))
	if err ~= "" then
		io.write("write_orgs: first non-201: " ..
		    err:gsub("[\r\n]", " ") .. "\n")
	end
end
