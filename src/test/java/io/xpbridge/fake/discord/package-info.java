/**
 * A fake Discord for end-to-end tests with the real JDA client: REST under {@code /api/v10} and
 * a JSON gateway websocket (no compression) serving one guild.
 *
 * <pre>{@code
 * FakeDiscord fake = new FakeDiscord(vertx);
 * long rank = fake.addRole("Recruit", 2);
 * fake.giveBotManageRoles(20);                 // bot can manage roles below position 20
 * long general = fake.addTextChannel("general");
 * long alice = fake.addMember("alice", rank);
 * fake.start();                                // then: discord.restUrl = fake.restUrl(),
 *                                              // discord.gatewayUrl = fake.gatewayUrl(),
 *                                              // discord.token = fake.token(), discord.guildId = fake.guildId()
 * fake.sendMessage(alice, general);            // MESSAGE_CREATE
 * fake.invokeSlashCommand(alice, "profile", Map.of()).onSuccess(reply -> reply.visibleText());
 * fake.memberRoles(alice);                     // what Discord shows now
 * fake.rateLimitNextRoleCalls(1, 1);           // next role call: 429, Via header, Retry-After: 1
 * fake.messagesPostedIn(general);              // bodies the bot POSTed to channels/{id}/messages
 * fake.refuseMessagesIn(general);              // such posts: 403 {"code": 50013, "message": "Missing Permissions"}
 * fake.deleteChannelWithoutTellingTheBot(general); // such posts: 404 {"code": 10003, "message": "Unknown Channel"}
 * }</pre>
 *
 * <p>The bot must use {@code Compression.NONE} and a session controller returning
 * {@link io.xpbridge.fake.discord.FakeDiscord#gatewayUrl()} (the Discord verticle does both when
 * {@code discord.gatewayUrl} is set).
 */
package io.xpbridge.fake.discord;
