-- No index on players.xp. Every applied event changes a player's xp, and an index on it made each of
-- those updates write a new entry into both of the table's indexes; without it the update is HOT (the
-- new row version stays on its page, no index is touched), which took 11 us of PostgreSQL CPU per
-- event off the apply (65 -> 54 us, bench/README.md). /top reads the leaderboard with a sequential
-- scan instead (16 ms at 100,000 players), at most once a second (account.Leaderboard).
DROP INDEX players_xp_desc;
-- Room on each page for the new versions of its rows, so that updates can stay HOT.
ALTER TABLE players SET (fillfactor = 90);
