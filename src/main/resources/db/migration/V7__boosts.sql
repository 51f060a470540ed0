-- Timed XP boosts started by an admin (POST /api/v1/boosts). Kept in the database so they survive a
-- restart and every engine applies them; boosts from the config file live in the config.
CREATE TABLE boosts (
    id          BIGSERIAL   PRIMARY KEY,
    name        TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    multiplier  NUMERIC(10, 4) NOT NULL CHECK (multiplier >= 0 AND multiplier <= 100),
    platforms   TEXT[]      NOT NULL,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL CHECK (ends_at > starts_at),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX boosts_ends_at ON boosts (ends_at);
