/**
 * The Telegram bot: long polling of the Bot API on the event loop, commands turned into event-bus
 * requests, and rank/achievement/season reward notifications delivered from {@code EFFECTS_TELEGRAM}.
 *
 * <pre>
 *  Telegram ──getUpdates──► UpdatePoller ──► UpdateDispatcher ──► CommandRouter ──► *Command ──bus──► engine
 *     ▲                        (offset confirmed only                                  │
 *     │                         after handling)                                        ▼ reply text
 *     └──sendMessage/sendDice── SendQueue (30/s overall, 1/s per chat, 429/5xx retry) ◄─ Replies
 *                                    ▲
 *  engine ──EFFECTS_TELEGRAM──► EffectNotifier (answers once Telegram accepted the message)
 * </pre>
 *
 * <h2>Configuration it reads (the whole config JSON is the verticle config)</h2>
 * <table>
 *   <caption>keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>telegram.token</td><td>none (required)</td><td>bot token (env TELEGRAM_BOT_TOKEN); restart to change</td></tr>
 *   <tr><td>telegram.apiUrl</td><td>https://api.telegram.org</td><td>Bot API base URL (env TELEGRAM_API_URL); restart to change</td></tr>
 *   <tr><td>telegram.botUsername</td><td>from getMe</td><td>used in t.me links until getMe answers</td></tr>
 *   <tr><td>telegram.pollTimeoutSeconds</td><td>30</td><td>long-poll timeout; live</td></tr>
 *   <tr><td>telegram.sendRatePerSecond</td><td>30</td><td>outgoing calls per second, all chats; live</td></tr>
 *   <tr><td>telegram.perChatIntervalMs</td><td>1000</td><td>gap between two calls to one chat; live</td></tr>
 *   <tr><td>telegram.games.cooldownSeconds</td><td>30</td><td>per-player pause between dice games; live</td></tr>
 *   <tr><td>telegram.games.emojis</td><td>🎲</td><td>dice emojis players may choose (🎲 🎯 🏀 ⚽ 🎳 🎰); the first is the
 *       default; live</td></tr>
 *   <tr><td>telegram.games.payouts</td><td>README, "Dice games"</td><td>per emoji, {xp, coins} per outcome (value or
 *       "other"); every offered emoji must be paid; live</td></tr>
 *   <tr><td>telegram.games.resultDelayMs</td><td>3000</td><td>optional, not in conf/config.json: the result is
 *       announced after the dice animation (payment is recorded at once); live</td></tr>
 *   <tr><td>daily.timezone</td><td>UTC</td><td>the zone whose calendar day a /daily counts for; live</td></tr>
 *   <tr><td>sync.effectTimeoutMs</td><td>15000</td><td>a notification still queued after 80% of this fails with 503; live</td></tr>
 * </table>
 *
 * <h2>Idempotency keys</h2>
 * {@code tg_daily_<yyyyMMdd>_<telegramUserId>} (day of the message date in daily.timezone) and
 * {@code tg_game_<chatId>_<commandMessageId>_<telegramUserId>}: a re-delivered update maps to the
 * same key, so it never pays twice.
 */
package io.xpbridge.telegram;
