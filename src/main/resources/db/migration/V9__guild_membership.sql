-- Issue 14: members who left the Discord guild. Null = in the guild (or never seen leaving).
-- While set, the player is left out of standings and no Discord role effect is attempted for them;
-- their XP is kept, and a rejoin clears it and gives the roles back.
ALTER TABLE discord_identities ADD COLUMN left_guild_at TIMESTAMPTZ;

-- Standings ask "is this player absent?" for every row they rank: absent identities are few, so a
-- small partial index answers it without growing the hot path's indexes.
CREATE INDEX discord_identities_left_guild ON discord_identities (player_id) WHERE left_guild_at IS NOT NULL;
