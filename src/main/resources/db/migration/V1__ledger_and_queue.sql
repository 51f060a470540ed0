-- The ledger: one row per player; rank is derived from xp through the configured ladder, never stored here.
CREATE TABLE players (
    id              BIGSERIAL PRIMARY KEY,
    xp              BIGINT      NOT NULL DEFAULT 0 CONSTRAINT players_xp_non_negative CHECK (xp >= 0),
    balance         BIGINT      NOT NULL DEFAULT 0 CONSTRAINT players_balance_non_negative CHECK (balance >= 0),
    season          INT         NOT NULL DEFAULT 1,
    display_name    TEXT,
    daily_streak    INT         NOT NULL DEFAULT 0,
    last_daily_day  DATE,
    -- A Discord-only player merged into a Telegram player on /link points at the survivor;
    -- events still addressed to it are applied to the survivor.
    merged_into     BIGINT REFERENCES players (id),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX players_xp_desc ON players (xp DESC, id) WHERE merged_into IS NULL;

CREATE TABLE telegram_identities (
    telegram_id     BIGINT PRIMARY KEY,
    player_id       BIGINT NOT NULL UNIQUE REFERENCES players (id),
    chat_id         BIGINT,
    username        TEXT,
    language_code   TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The seed's discord_links, with last_sync_at and sync_enabled.
CREATE TABLE discord_identities (
    discord_id      BIGINT PRIMARY KEY,
    player_id       BIGINT NOT NULL UNIQUE REFERENCES players (id),
    username        TEXT,
    linked_at       TIMESTAMPTZ,
    last_sync_at    TIMESTAMPTZ,
    sync_enabled    BOOLEAN NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The event queue. A row is "applied" once its ledger change committed (applied_at set);
-- events that carry platform effects (rank_change, achievement_unlock) then wait for delivery.
CREATE TABLE sync_events (
    id               BIGSERIAL PRIMARY KEY,
    idempotency_key  TEXT        NOT NULL CONSTRAINT sync_events_idempotency_key_unique UNIQUE,
    source           TEXT        NOT NULL CHECK (source IN ('telegram', 'discord', 'system')),
    event_type       TEXT        NOT NULL CHECK (event_type IN ('xp_change', 'balance_change', 'rank_change', 'achievement_unlock', 'reward_grant')),
    player_id        BIGINT      NOT NULL REFERENCES players (id),
    xp_delta         BIGINT      NOT NULL DEFAULT 0,
    balance_delta    BIGINT      NOT NULL DEFAULT 0,
    payload          JSONB       NOT NULL DEFAULT '{}'::jsonb,
    status           TEXT        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    processed_by     TEXT        CHECK (processed_by IN ('telegram', 'discord', 'both', 'none')),
    delivered_to     TEXT[]      NOT NULL DEFAULT '{}',
    retries          INT         NOT NULL DEFAULT 0,
    error_message    TEXT,
    -- When the row may be claimed next: now for new rows, backoff after a failure, lease end while processing.
    next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    claimed_by       TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_at       TIMESTAMPTZ,
    processed_at     TIMESTAMPTZ
);
CREATE INDEX sync_events_apply_due ON sync_events (next_attempt_at, id)
    WHERE status IN ('pending', 'processing') AND applied_at IS NULL;
CREATE INDEX sync_events_deliver_due ON sync_events (next_attempt_at, id)
    WHERE status IN ('pending', 'processing') AND applied_at IS NOT NULL;
-- Every index here is paid on each insert and status change of the hot path, so they are few and
-- small: unfinished rows per player (reconcile skips players with a rank change in flight), and a
-- BRIN range index for retention (rows arrive in created_at order).
CREATE INDEX sync_events_player_unfinished ON sync_events (player_id) WHERE status IN ('pending', 'processing');
CREATE INDEX sync_events_created_brin ON sync_events USING brin (created_at);

-- Audit trail: one row per ledger change, keyed like the event that caused it. Kept forever,
-- so a key stays spent even after its event row was cleaned up.
CREATE TABLE transactions (
    id               BIGSERIAL PRIMARY KEY,
    idempotency_key  TEXT        NOT NULL CONSTRAINT transactions_idempotency_key_unique UNIQUE,
    event_id         BIGINT,
    player_id        BIGINT      NOT NULL REFERENCES players (id),
    source           TEXT        NOT NULL,
    type             TEXT        NOT NULL CHECK (type IN ('xp', 'balance', 'achievement', 'reward', 'merge')),
    delta_xp         BIGINT      NOT NULL DEFAULT 0,
    delta_balance    BIGINT      NOT NULL DEFAULT 0,
    reason           TEXT,
    metadata         JSONB,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX transactions_player ON transactions (player_id);
CREATE INDEX transactions_created_brin ON transactions USING brin (created_at);

-- What each platform was last told (or observed to show) about a player.
CREATE TABLE sync_state (
    player_id              BIGINT PRIMARY KEY REFERENCES players (id),
    last_telegram_xp       BIGINT,
    last_telegram_balance  BIGINT,
    last_telegram_rank     INT,
    last_discord_xp        BIGINT,
    last_discord_balance   BIGINT,
    last_discord_rank      INT,
    last_reconcile_at      TIMESTAMPTZ,
    reconcile_errors       INT NOT NULL DEFAULT 0,
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END $$;

CREATE TRIGGER sync_state_touch BEFORE UPDATE ON sync_state
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- Mirror of the configured ladder (conf/config.json "ranks" is the source; the service rewrites
-- this table on start and on every valid config change) so SQL users and admins can read it.
CREATE TABLE rank_role_mappings (
    id                 SERIAL PRIMARY KEY,
    rank_id            INT    NOT NULL UNIQUE,
    rank_name          TEXT   NOT NULL,
    min_xp             BIGINT NOT NULL,
    discord_role_id    BIGINT UNIQUE,
    discord_role_name  TEXT,
    priority           INT    NOT NULL,
    is_active          BOOLEAN NOT NULL DEFAULT TRUE,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TRIGGER rank_role_mappings_touch BEFORE UPDATE ON rank_role_mappings
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

INSERT INTO rank_role_mappings (rank_id, rank_name, min_xp, priority) VALUES
  (1, 'Recruit', 0, 1),
  (2, 'Private', 165, 2),
  (3, 'Lance Corporal', 460, 3),
  (4, 'Junior Sergeant', 885, 4),
  (5, 'Sergeant', 1440, 5),
  (6, 'Senior Sergeant', 2125, 6),
  (7, 'Sergeant Major', 2940, 7),
  (8, 'Warrant Officer', 3885, 8),
  (9, 'Second Lieutenant', 4960, 9),
  (10, 'Lieutenant', 6165, 10),
  (11, 'Senior Lieutenant', 7500, 11),
  (12, 'Captain', 8965, 12),
  (13, 'Major', 10560, 13),
  (14, 'Lieutenant Colonel', 12285, 14),
  (15, 'Colonel', 14140, 15),
  (16, 'Major General', 16125, 16),
  (17, 'Lieutenant General', 18240, 17),
  (18, 'Colonel General', 20485, 18),
  (19, 'General of the Army', 22860, 19),
  (20, 'Marshal', 25365, 20);

CREATE TABLE achievements (
    code             TEXT PRIMARY KEY,
    name_ru          TEXT NOT NULL,
    name_en          TEXT NOT NULL,
    discord_role_id  BIGINT,
    rule             JSONB NOT NULL DEFAULT '{}'::jsonb,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE player_achievements (
    player_id    BIGINT NOT NULL REFERENCES players (id),
    code         TEXT   NOT NULL,
    unlocked_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    event_id     BIGINT,
    PRIMARY KEY (player_id, code)
);

CREATE TABLE link_codes (
    code            TEXT PRIMARY KEY,
    player_id       BIGINT NOT NULL REFERENCES players (id),
    issued_on       TEXT   NOT NULL CHECK (issued_on IN ('telegram', 'discord')),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at      TIMESTAMPTZ NOT NULL,
    used_at         TIMESTAMPTZ,
    used_by         BIGINT
);
CREATE INDEX link_codes_expires ON link_codes (expires_at);

-- Wrong link codes per platform user, for brute-force protection.
CREATE TABLE link_attempts (
    platform        TEXT   NOT NULL,
    platform_user   BIGINT NOT NULL,
    attempted_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX link_attempts_user ON link_attempts (platform, platform_user, attempted_at);

-- Finds or creates the player behind each platform id, safe under concurrent callers.
CREATE FUNCTION resolve_players(platform TEXT, platform_ids BIGINT[])
    RETURNS TABLE (platform_id BIGINT, player_id BIGINT)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    pid_in BIGINT;
    found_player BIGINT;
BEGIN
    FOREACH pid_in IN ARRAY platform_ids LOOP
        IF platform = 'telegram' THEN
            SELECT i.player_id INTO found_player FROM telegram_identities i WHERE i.telegram_id = pid_in;
        ELSE
            SELECT i.player_id INTO found_player FROM discord_identities i WHERE i.discord_id = pid_in;
        END IF;
        IF found_player IS NULL THEN
            INSERT INTO players DEFAULT VALUES RETURNING id INTO found_player;
            IF platform = 'telegram' THEN
                INSERT INTO telegram_identities (telegram_id, player_id) VALUES (pid_in, found_player)
                    ON CONFLICT (telegram_id) DO NOTHING;
            ELSE
                INSERT INTO discord_identities (discord_id, player_id) VALUES (pid_in, found_player)
                    ON CONFLICT (discord_id) DO NOTHING;
            END IF;
            IF NOT FOUND THEN
                -- Another transaction created it first: use theirs, drop ours.
                DELETE FROM players p WHERE p.id = found_player;
                IF platform = 'telegram' THEN
                    SELECT i.player_id INTO found_player FROM telegram_identities i WHERE i.telegram_id = pid_in;
                ELSE
                    SELECT i.player_id INTO found_player FROM discord_identities i WHERE i.discord_id = pid_in;
                END IF;
            END IF;
        END IF;
        platform_id := pid_in;
        player_id := found_player;
        RETURN NEXT;
        found_player := NULL;
    END LOOP;
END $$;
