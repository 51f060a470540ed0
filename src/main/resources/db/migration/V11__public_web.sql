-- Issue 15: the public leaderboard page, player pages and rank cards. Players are addressed there by an
-- opaque random id (never a platform id or the internal id); a Discord avatar is shown when known; a
-- player may choose to be hidden from every public standing and page.
ALTER TABLE players ADD COLUMN public_id TEXT;
-- 16 hex digits of a random UUID: 64 bits, so a collision (which the unique index would refuse) is
-- not a practical concern even for millions of players.
UPDATE players SET public_id = substr(replace(gen_random_uuid()::text, '-', ''), 1, 16);
ALTER TABLE players ALTER COLUMN public_id SET DEFAULT substr(replace(gen_random_uuid()::text, '-', ''), 1, 16);
ALTER TABLE players ALTER COLUMN public_id SET NOT NULL;
-- Never updated after insert, so the ledger's updates of a player stay HOT (no index column changes).
CREATE UNIQUE INDEX players_public_id ON players (public_id);

ALTER TABLE players ADD COLUMN hidden BOOLEAN NOT NULL DEFAULT FALSE;

-- The Discord CDN address of the member's avatar, refreshed when the bot sees the member.
ALTER TABLE discord_identities ADD COLUMN avatar_url TEXT;
