-- auth_get.lua: an authenticated GET for wrk (tools/bench.sh).
--
--   BENCH_COOKIE='schakel_session=...' wrk ... -s bench/auth_get.lua URL
--
-- Sends the Cookie header from the environment, so the session token
-- never shows on a command line.  The request is built once per thread
-- (no request() function), which keeps wrk on its fast path.

local cookie = os.getenv("BENCH_COOKIE")
if cookie == nil or cookie == "" then
	error("auth_get.lua: set BENCH_COOKIE")
end
wrk.headers["Cookie"] = cookie
