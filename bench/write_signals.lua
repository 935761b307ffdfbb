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
-- and no match entries are written.  Counting and the line done() prints:
-- bench/write_common.lua ("write_signals: responses=N created=N ...").

dofile("bench/write_common.lua")

-- About 120 characters, as a short description in the form would be.
local description = "Bench signal: works long hours in a nail salon, " ..
    "seems to sleep there and does not keep the wages; synthetic text."

write_bench("write_signals", "/api/signals", function(tag, tid, n)
	-- A valid date between 1980 and 2009 that changes with the counter.
	local born = string.format("%04d-%02d-%02d", 1980 + n % 30,
	    1 + n % 12, 1 + n % 28)
	return string.format(
	    '{"municipality":"GM0363","urgency":"not_urgent",' ..
	    '"indicators":["OM-1a-1"],"description":"%s",' ..
	    '"persons":[{"kind":"victim","name":"Bench %s t%d n%d",' ..
	    '"birth_date":"%s"}]}',
	    description, tag, tid, n, born)
end)
