-- Rank-ups and new achievements posted in discord.announceChannelId: an effect of its own
-- ('announcement', keyed '<effect key>:announce'), delivered and failed apart from the role it follows.
-- Only the event_type check changes.
ALTER TABLE sync_events DROP CONSTRAINT sync_events_event_type_check;
ALTER TABLE sync_events ADD CONSTRAINT sync_events_event_type_check
    CHECK (event_type IN ('xp_change', 'balance_change', 'rank_change', 'achievement_unlock', 'reward_grant', 'link',
                          'season_rollover', 'season_notice', 'announcement'))
    NOT VALID;
ALTER TABLE sync_events VALIDATE CONSTRAINT sync_events_event_type_check;
