-- The metrics verticle samples the queue's depth every 5 s on every node. Counting the whole table by
-- status scanned every row (the completed ones are nearly all of them and stay for
-- cleanup.completedRetentionDays): ~0.7 s of PostgreSQL's CPU per sample at a million rows, once per
-- node. The depth sample now counts only unfinished rows (sync_events_player_unfinished) and failed
-- ones (this index, a handful of rows), and estimates the completed ones from the table's live-row
-- count in PostgreSQL's statistics. Failed rows are rare and status is already in the other partial
-- indexes' predicates, so this adds no work to the hot path's inserts and status changes.
CREATE INDEX sync_events_failed ON sync_events (event_type) WHERE status = 'failed';
