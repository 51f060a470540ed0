-- Issue 16, point 4: a player's own data. /privacy delete (and DELETE /api/v1/players/{id}) erases a
-- player: both platform identities go, the names and other personal columns are cleared, and the players
-- row stays with its id, XP and balance (no personal data left) so that the audit rows (transactions)
-- and the events that point at it still add up. erased_at says when; null for every living player.
-- Not indexed: erasures are rare and nothing looks players up by it.
ALTER TABLE players ADD COLUMN erased_at TIMESTAMPTZ;

-- When the player last switched rank-role sync (discord_identities.sync_enabled, /privacy roles off|on).
-- The role effects a switch queues are keyed by it, so each switch queues its effects exactly once and
-- a repeat of the same choice queues nothing.
ALTER TABLE discord_identities ADD COLUMN sync_changed_at TIMESTAMPTZ;

-- A /privacy delete waiting for its confirmation: the same command again before expires_at erases the
-- player. In the database (not in a bot's memory) so the confirmation survives a restart and works on
-- whichever node runs the bot. One row per player; an expired row is simply replaced by the next ask.
CREATE TABLE privacy_delete_requests (
    player_id     BIGINT      PRIMARY KEY REFERENCES players (id),
    asked_on      TEXT        NOT NULL CHECK (asked_on IN ('telegram', 'discord')),
    asked_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at    TIMESTAMPTZ NOT NULL
);
