-- write_signals.lua: signals filed, durable, audited and sealed, for wrk
-- (tools/bench.sh).
--
--   BENCH_COOKIE='schakel_session=...' BENCH_CSRF=TOKEN BENCH_TAG=TAG \
--       wrk ... -s bench/write_signals.lua URL
--
-- Every request is POST /api/signals as a reporter: one indicator, a
-- description, and one victim with a name and a birth date but no BSN.
-- The name is one no other request uses (TAG, the wrk thread number and a
-- per-thread counter), so every signal gets its own name-and-birth-date
-- blind index: the match lookup runs for every signal and finds nobody,
-- and no match entries are written.  BENCH_COOKIE is the whole Cookie
-- header value, BENCH_CSRF the token from the login response; both come
-- from the environment so that no secret shows on a command line.
-- Counts the responses by status; done() prints one line that bench.sh
-- reads:
--   write_signals: responses=N created=N other=N statuses=201:N,409:N
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

-- About 120 characters, as a short description in the form would be.
local description = "Bench signal: works long hours in a nail salon, " ..
    "seems to sleep there and does not keep the wages; synthetic text."

function init(args)
	cookie = os.getenv("BENCH_COOKIE")
	csrf = os.getenv("BENCH_CSRF")
	tag = os.getenv("BENCH_TAG") or "bench"
	if cookie == nil or cookie == "" or csrf == nil or csrf == "" then
		error("write_signals.lua: set BENCH_COOKIE and BENCH_CSRF")
	end
	wrk.method = "POST"
	wrk.path = "/api/signals"
	wrk.headers["Cookie"] = cookie
	wrk.headers["X-CSRF-Token"] = csrf
	wrk.headers["Content-Type"] = "application/json"
end

function request()
	counter = counter + 1
	-- A valid date between 1980 and 2009 that changes with the counter.
	local born = string.format("%04d-%02d-%02d", 1980 + counter % 30,
	    1 + counter % 12, 1 + counter % 28)
	local body = string.format(
	    '{"municipality":"GM0363","urgency":"not_urgent",' ..
	    '"indicators":["OM-1a-1"],"description":"%s",' ..
	    '"persons":[{"kind":"victim","name":"Bench %s t%d n%d",' ..
	    '"birth_date":"%s"}]}',
	    description, tag, tid, counter, born)
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
	    "write_signals: responses=%d created=%d other=%d statuses=%s\n",
	    responses, created, responses - created,
	    #parts > 0 and table.concat(parts, ",") or "none"))
	if err ~= "" then
		io.write("write_signals: first non-201: " ..
		    err:gsub("[\r\n]", " ") .. "\n")
	end
end
