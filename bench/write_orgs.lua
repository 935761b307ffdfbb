-- write_orgs.lua: durable audited writes for wrk (tools/bench.sh).
--
--   BENCH_COOKIE='schakel_session=...' BENCH_CSRF=TOKEN BENCH_TAG=TAG \
--       wrk ... -s bench/write_orgs.lua URL
--
-- Every request is POST /api/orgs creating an organisation of type "other"
-- with a name no other request uses: TAG (unique per run, and per server
-- when two wrk run at once), the wrk thread number and a per-thread
-- counter.  Counting and the line done() prints: bench/write_common.lua
-- ("write_orgs: responses=N created=N other=N statuses=...").

dofile("bench/write_common.lua")

write_bench("write_orgs", "/api/orgs", function(tag, tid, n)
	return string.format('{"name":"bench %s t%d n%d","type":"other"}',
	    tag, tid, n)
end)
