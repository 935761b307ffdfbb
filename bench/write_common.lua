-- write_common.lua: what the write scripts for wrk share (tools/bench.sh
-- runs wrk from the top of the tree, where dofile() finds this file).
--
--   write_bench(name, path, body)
--
-- defines wrk's setup, init, request, response and done: every request is
-- a POST to path as the logged-in user, with the body body(tag, tid, n)
-- returns for this run's TAG, the wrk thread number and a per-thread
-- counter, so that no two requests are alike.  BENCH_COOKIE is the whole
-- Cookie header value, BENCH_CSRF the token from the login response; both
-- come from the environment so that no secret shows on a command line.
-- Responses are counted by status; done() prints one line that bench.sh
-- reads:
--   NAME: responses=N created=N other=N statuses=201:N,409:N
-- and, when any response was not 201, the first such body.

function write_bench(name, path, body)
	local threads = {}
	local nthreads = 0
	local cookie, csrf, tag
	local counter = 0
	-- Globals, so that done() can read them from each thread with get().
	statuses = {}
	first_error = ""

	function setup(thread)
		nthreads = nthreads + 1
		thread:set("tid", nthreads)
		table.insert(threads, thread)
	end

	function init(args)
		cookie = os.getenv("BENCH_COOKIE")
		csrf = os.getenv("BENCH_CSRF")
		tag = os.getenv("BENCH_TAG") or "bench"
		if cookie == nil or cookie == "" or csrf == nil or
		    csrf == "" then
			error(name .. ".lua: set BENCH_COOKIE and BENCH_CSRF")
		end
		wrk.method = "POST"
		wrk.path = path
		wrk.headers["Cookie"] = cookie
		wrk.headers["X-CSRF-Token"] = csrf
		wrk.headers["Content-Type"] = "application/json"
	end

	function request()
		counter = counter + 1
		return wrk.format(nil, nil, nil, body(tag, tid, counter))
	end

	function response(status, headers, b)
		statuses[status] = (statuses[status] or 0) + 1
		if status ~= 201 and first_error == "" then
			first_error = string.format("%d %s", status,
			    string.sub(b or "", 1, 300))
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
			table.insert(parts, string.format("%d:%d", code,
			    total[code]))
		end
		io.write(string.format(
		    "%s: responses=%d created=%d other=%d statuses=%s\n",
		    name, responses, created, responses - created,
		    #parts > 0 and table.concat(parts, ",") or "none"))
		if err ~= "" then
			io.write(name .. ": first non-201: " ..
			    err:gsub("[\r\n]", " ") .. "\n")
		end
	end
end
