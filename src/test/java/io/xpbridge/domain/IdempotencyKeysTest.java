package io.xpbridge.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Stored events and audit rows hold these keys: the strings must never change. */
class IdempotencyKeysTest {

  @Test
  void everyPlatformKeyKeepsItsStoredFormat() {
    assertEquals("tg_game_-100_7_42", IdempotencyKeys.game(-100, 7, 42));
    assertEquals("tg_dice_-100_8", IdempotencyKeys.diceEntity(-100, 8));
    assertEquals("tg_daily_20261125_42", IdempotencyKeys.daily(LocalDate.of(2026, 11, 25), 42));
    assertEquals("ds_msg_1234_5678", IdempotencyKeys.message(1234, 5678));
    assertEquals("ds_voice_abc_29000000_5678", IdempotencyKeys.voiceMinute("abc", 29_000_000, 5678));
  }
}
