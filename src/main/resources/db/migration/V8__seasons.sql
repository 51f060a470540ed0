-- Seasons: every XP gain counts towards the running season as well as towards lifetime XP (which
-- ranks follow). Exactly one season runs; a rollover (POST /api/v1/seasons, or seasons.autoRollover)
-- ends it in two steps so that no submit waits for the whole archive (season.SeasonRollover):
--   1. the flip: a short transaction, taken with the ledger writers' lock held exclusively, marks the
--      running season 'archiving' and starts the next one;
--   2. the archive: copies the final standings into season_standings and queues the rewards, then
--      marks the season 'archived'. A crash in between leaves it 'archiving'; it is finished at start.
CREATE TABLE seasons (
    id           INT         PRIMARY KEY,
    name         TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    state        TEXT        NOT NULL CHECK (state IN ('running', 'archiving', 'archived')),
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    ended_at     TIMESTAMPTZ,
    -- The calendar period an automatic rollover started this season for ('weekly:2026-W49',
    -- 'monthly:2026-12'): unique, so two engines never start two seasons for one period.
    period_key   TEXT        UNIQUE,
    -- Players with season XP when it was archived.
    players      INT,
    CHECK ((state = 'running') = (ended_at IS NULL))
);
CREATE UNIQUE INDEX seasons_one_running ON seasons ((true)) WHERE state = 'running';

-- Whatever XP a deployment earned before this migration is lifetime XP: season 1 starts now.
INSERT INTO seasons (id, name, state) VALUES (1, 'Season 1', 'running');

-- players.season (from V1, default 1) is the season players.season_xp counts for. A rollover does not
-- touch the players (100,000 row updates would hold up every submit): the engine resets a player's
-- season XP the first time it writes the row in a new season, keeping the old season's figure in
-- last_season/last_season_xp until that season is archived. Both are in the ledger row, so the
-- update stays HOT (no index covers them).
ALTER TABLE players
    ADD COLUMN season_xp      BIGINT NOT NULL DEFAULT 0 CONSTRAINT players_season_xp_non_negative CHECK (season_xp >= 0),
    ADD COLUMN last_season    INT,
    ADD COLUMN last_season_xp BIGINT;

-- The final standings of ended seasons: ties share a place (1, 2, 2, 4), players without season XP
-- are left out. Names as they were when the season ended. No foreign key to seasons: the archive
-- writes every row of a season in the transaction that holds that season's row locked, and the
-- per-row check was half the archive's time at 100,000 players (bench/README.md, scenario rollover).
CREATE TABLE season_standings (
    season_id  INT    NOT NULL,
    player_id  BIGINT NOT NULL,
    place      INT    NOT NULL,
    xp         BIGINT NOT NULL,
    name       TEXT   NOT NULL,
    PRIMARY KEY (season_id, player_id)
);
CREATE INDEX season_standings_place ON season_standings (season_id, place, player_id);

-- The rollover is an event of its own, keyed by the season it ends ('season:<id>:rollover'): asked
-- for twice, by two admins or two engines, it happens once. Its rewards are reward_grant events
-- keyed 'season:<id>:reward:<player>', applied by the queue worker like any other event.
ALTER TABLE sync_events DROP CONSTRAINT sync_events_event_type_check;
ALTER TABLE sync_events ADD CONSTRAINT sync_events_event_type_check
    CHECK (event_type IN ('xp_change', 'balance_change', 'rank_change', 'achievement_unlock', 'reward_grant', 'link',
                          'season_rollover', 'season_notice'))
    NOT VALID;
ALTER TABLE sync_events VALIDATE CONSTRAINT sync_events_event_type_check;
