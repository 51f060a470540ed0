-- Issue 16: imported files (MEE6, Polaris, CSV, an xpbridge export). Each row is an 'import' event whose
-- audit row has the type 'import'; only the two type checks change.
ALTER TABLE sync_events DROP CONSTRAINT sync_events_event_type_check;
ALTER TABLE sync_events ADD CONSTRAINT sync_events_event_type_check
    CHECK (event_type IN ('xp_change', 'balance_change', 'rank_change', 'achievement_unlock', 'reward_grant', 'link',
                          'season_rollover', 'season_notice', 'announcement', 'import'))
    NOT VALID;
ALTER TABLE sync_events VALIDATE CONSTRAINT sync_events_event_type_check;
ALTER TABLE transactions DROP CONSTRAINT transactions_type_check;
ALTER TABLE transactions ADD CONSTRAINT transactions_type_check
    CHECK (type IN ('xp', 'balance', 'achievement', 'reward', 'merge', 'import'))
    NOT VALID;
ALTER TABLE transactions VALIDATE CONSTRAINT transactions_type_check;
