package io.xpbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Vertx;
import io.xpbridge.bus.Web;
import io.xpbridge.support.Await;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AvatarTest {

  @Test
  void onlyDiscordsCdnOverHttpsIsAsked() {
    assertNotNull(AvatarFetcher.onDiscordsCdn("https://cdn.discordapp.com/avatars/1/abc.png"));
    assertNotNull(AvatarFetcher.onDiscordsCdn("https://media.discordapp.net/avatars/1/abc.png"));
    assertNull(AvatarFetcher.onDiscordsCdn("http://cdn.discordapp.com/avatars/1/abc.png"), "not over plain HTTP");
    assertNull(AvatarFetcher.onDiscordsCdn("https://169.254.169.254/latest/meta-data"), "no other host");
    assertNull(AvatarFetcher.onDiscordsCdn("https://cdn.discordapp.com.evil.example/a.png"));
    assertNull(AvatarFetcher.onDiscordsCdn("not a url at all"));
    assertNull(AvatarFetcher.onDiscordsCdn(null));
  }

  @Test
  void anAvatarThatCannotBeFetchedGivesNoImageAtOnceNotAFailure() {
    Vertx vertx = Vertx.vertx();
    try {
      AvatarFetcher fetcher = new AvatarFetcher(vertx);
      assertNull(Await.result(fetcher.fetch(null)));
      assertNull(Await.result(fetcher.fetch("https://example.com/a.png")));
    } finally {
      Await.result(vertx.close());
    }
  }

  @Test
  void aFetchedAvatarIsDrawnInTheCircle() throws Exception {
    BufferedImage red = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
    var g = red.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 256, 256);
    g.dispose();
    Web.Player player = Cards.player("abc", "Ivan", 1_500);

    BufferedImage card = ImageIO.read(new ByteArrayInputStream(new RankCardRenderer().render(player, "en", red)));

    assertEquals(Color.RED.getRGB(), card.getRGB(44 + 80, 61 + 80), "the centre of the avatar circle");
    assertEquals(card.getRGB(20, 20), card.getRGB(44 + 2, 61 + 2), "outside the circle stays background");
  }
}
