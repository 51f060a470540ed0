package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Alerts are posted once per problem (cause and role) an hour, in one message per batch. */
class AlertPosterTest {
  private static final long CHANNEL = 555;
  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final List<String> sent = new ArrayList<>();
  private final AlertPoster poster = new AlertPoster(() -> CHANNEL, (channel, text) -> {
    assertEquals(CHANNEL, channel);
    sent.add(text);
    return Future.succeededFuture();
  }, clock::get);

  private static SetupProblem problem(SetupProblem.Cause cause, long roleId, String name) {
    return new SetupProblem(cause, roleId, name, "fix " + name + " (" + cause + ")", "исправьте " + name);
  }

  @Test
  void theSameProblemWithinTheHourIsPostedOnce() {
    SetupProblem marshal = problem(SetupProblem.Cause.ROLE_ABOVE_BOT, 20, "Marshal");

    poster.post(List.of(marshal));
    clock.addAndGet(AlertPoster.DEDUPE_MS - 1);
    poster.post(List.of(marshal));

    assertEquals(1, sent.size(), sent.toString());
    assertTrue(sent.get(0).contains("fix Marshal") && sent.get(0).contains("исправьте Marshal"), sent.get(0));
  }

  @Test
  void afterTheHourItIsPostedAgain() {
    SetupProblem marshal = problem(SetupProblem.Cause.ROLE_ABOVE_BOT, 20, "Marshal");
    poster.post(List.of(marshal));
    clock.addAndGet(AlertPoster.DEDUPE_MS);

    poster.post(List.of(marshal));

    assertEquals(2, sent.size(), sent.toString());
  }

  @Test
  void anotherCauseForTheSameRoleIsPostedAgain() {
    poster.post(List.of(problem(SetupProblem.Cause.ROLE_ABOVE_BOT, 20, "Marshal")));

    poster.post(List.of(problem(SetupProblem.Cause.ROLE_MISSING, 20, "Marshal")));

    assertEquals(2, sent.size(), sent.toString());
  }

  @Test
  void newProblemsOfOneBatchGoInOneMessageWithoutTheOldOnes() {
    SetupProblem marshal = problem(SetupProblem.Cause.ROLE_ABOVE_BOT, 20, "Marshal");
    poster.post(List.of(marshal));

    poster.post(List.of(marshal, problem(SetupProblem.Cause.ROLE_ABOVE_BOT, 19, "General"),
        problem(SetupProblem.Cause.ROLE_MISSING, 7, "Sergeant")));

    assertEquals(2, sent.size(), sent.toString());
    String second = sent.get(1);
    assertTrue(second.contains("fix General") && second.contains("fix Sergeant") && !second.contains("fix Marshal"),
        second);
  }

  @Test
  void aFailedPostIsNotRetriedForTheSameProblems() {
    List<String> attempts = new ArrayList<>();
    AlertPoster failing = new AlertPoster(() -> CHANNEL, (channel, text) -> {
      attempts.add(text);
      return Future.failedFuture("Missing Permissions");
    }, clock::get);
    SetupProblem marshal = problem(SetupProblem.Cause.ROLE_ABOVE_BOT, 20, "Marshal");

    assertEquals(0, failing.post(List.of(marshal)).result());
    failing.post(List.of(marshal));

    assertEquals(1, attempts.size(), "no retry storm: " + attempts);
  }

  @Test
  void withoutAnAlertChannelNothingIsPostedAndNothingIsRemembered() {
    Long[] channel = {null};
    AlertPoster poster = new AlertPoster(() -> channel[0], (c, text) -> {
      sent.add(text);
      return Future.succeededFuture();
    }, clock::get);
    SetupProblem marshal = problem(SetupProblem.Cause.ROLE_ABOVE_BOT, 20, "Marshal");

    poster.post(List.of(marshal));
    channel[0] = CHANNEL;
    poster.post(List.of(marshal));

    assertEquals(1, sent.size(), "posted once a channel is set: " + sent);
  }

  @Test
  void aNewAlertChannelGetsTheProblemsAgain() {
    Long[] channel = {CHANNEL};
    List<Long> channels = new ArrayList<>();
    AlertPoster poster = new AlertPoster(() -> channel[0], (c, text) -> {
      channels.add(c);
      return Future.succeededFuture();
    }, clock::get);
    SetupProblem marshal = problem(SetupProblem.Cause.ROLE_ABOVE_BOT, 20, "Marshal");

    poster.post(List.of(marshal));
    channel[0] = CHANNEL + 1;
    poster.post(List.of(marshal));

    assertEquals(List.of(CHANNEL, CHANNEL + 1), channels);
  }

  @Test
  void aLongListIsCutToOneDiscordMessage() {
    List<SetupProblem> many = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      many.add(problem(SetupProblem.Cause.ROLE_ABOVE_BOT, 1000 + i, "Role number " + i + " with a long name"));
    }

    poster.post(many);

    assertEquals(1, sent.size());
    assertTrue(sent.get(0).length() <= 2000, "length " + sent.get(0).length());
    assertTrue(sent.get(0).contains("more, see /health/ready"), sent.get(0));
  }
}
