-- A /link is an event of the ledger like any other change: its row records what moved from the
-- absorbed player to the survivor, and its audit rows ('merge') point at it.
ALTER TABLE sync_events DROP CONSTRAINT sync_events_event_type_check;
ALTER TABLE sync_events ADD CONSTRAINT sync_events_event_type_check
    CHECK (event_type IN ('xp_change', 'balance_change', 'rank_change', 'achievement_unlock', 'reward_grant', 'link'))
    NOT VALID;
-- Validated apart from the ADD, which then needs only a short lock on a large queue.
ALTER TABLE sync_events VALIDATE CONSTRAINT sync_events_event_type_check;
