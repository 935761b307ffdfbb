-- insight.lua: an authenticated GET for wrk that prints its latency
-- percentiles (tools/bench_insight.sh).
--
--   BENCH_COOKIE='schakel_session=...' wrk ... -s bench/insight.lua URL
--
-- The Cookie header comes from the environment, so the session token
-- never shows on a command line.  At the end one line:
--   percentiles p50=MS p95=MS p99=MS requests=N non2xx=N
-- (non2xx: wrk's count of answers with a status of 400 or more).

local cookie = os.getenv("BENCH_COOKIE")
if cookie == nil or cookie == "" then
	error("insight.lua: set BENCH_COOKIE")
end
wrk.headers["Cookie"] = cookie

function done(summary, latency, requests)
	io.write(string.format("percentiles p50=%.3f p95=%.3f p99=%.3f " ..
	    "requests=%d non2xx=%d\n", latency:percentile(50) / 1000,
	    latency:percentile(95) / 1000, latency:percentile(99) / 1000,
	    summary.requests, summary.errors.status))
end
