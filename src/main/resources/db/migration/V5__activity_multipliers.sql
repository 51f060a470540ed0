-- Activity XP is multiplied by where it was earned (channel, chat, roles): the audit row keeps what
-- was earned before the multiplier and the multiplier itself, so every amount can be explained.
-- Null for changes that are not activity (daily rewards, admin grants, merges).
ALTER TABLE transactions ADD COLUMN base_xp BIGINT, ADD COLUMN xp_multiplier NUMERIC(10, 4);
