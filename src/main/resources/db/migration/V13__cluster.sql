-- Issue 17: several nodes, one Telegram poller at a time. The poller confirms an update (sends an
-- offset past it) only once its handler finished; the same offset is kept here, so whichever node
-- takes the poller over next continues where the previous owner's work was done. Updates handled
-- twice after a crash are harmless: their idempotency keys are spent.
CREATE TABLE telegram_offsets (
  -- The bot's numeric id (the part of the token before ':'): another bot starts from its own offset.
  bot_id           BIGINT PRIMARY KEY,
  confirmed_offset BIGINT NOT NULL,
  updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
