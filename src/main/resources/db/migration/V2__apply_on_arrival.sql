-- Events are applied in the transaction that stores them (see ArrivalApplier). Every statement of
-- that hot path is paid per event, so it carries no more checks than it needs:
--
-- No foreign keys from sync_events and transactions to players. Each writer of those rows holds the
-- player's row locked in the same transaction (FOR NO KEY UPDATE before any event or audit row is
-- written), and players are never deleted: a /link merge keeps the merged row and points it at the
-- survivor. The per-row check of each key cost 6 us of PostgreSQL CPU per row on the 2-core benchmark
-- machine, 12 us per event, about a fifth of the whole write (bench/README.md).
ALTER TABLE sync_events DROP CONSTRAINT sync_events_player_id_fkey;
ALTER TABLE transactions DROP CONSTRAINT transactions_player_id_fkey;

