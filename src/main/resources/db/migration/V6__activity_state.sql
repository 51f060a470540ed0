-- What each player earned from activity lately (paid XP per minute over the last hour, the last paid
-- message and game): the hourly XP budget and the cooldowns hold across both platforms, restarts and
-- several engines. Null until the player earns activity XP with a budget or cooldown in force.
-- Written with the ledger row (not indexed: its updates stay HOT).
ALTER TABLE players ADD COLUMN activity_state TEXT;
