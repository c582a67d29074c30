package dev.cairn.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast instant text is exactly {@link Instant#toString()}, and reads back as the same instant. */
class InstantTextTest {

  @Test
  void edgeCases_matchInstantToString() {
    List<Instant> instants = List.of(Instant.EPOCH, Instant.ofEpochSecond(-1), Instant.ofEpochSecond(-1, 1),
        Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
        Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59Z"), Instant.MIN, Instant.MAX,
        Instant.parse("2024-02-29T12:00:00.100Z"), Instant.parse("2026-11-29T05:16:37.797153Z"),
        Instant.parse("2026-11-29T05:16:37.797153117Z"), Instant.parse("2026-11-29T05:16:37.000000001Z"));
    for (Instant instant : instants) {
      assertThat(InstantText.format(instant)).isEqualTo(instant.toString());
    }
  }

  @Test
  void randomInstants_matchInstantToString_andRoundTripThroughTheMapper() {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 100_000; i++) {
      long seconds = random.nextLong(-70_000_000_000L, 260_000_000_000L);
      int nano = switch (random.nextInt(4)) {
        case 0 -> 0;
        case 1 -> random.nextInt(1_000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant instant = Instant.ofEpochSecond(seconds, nano);
      assertThat(InstantText.format(instant)).as("seed %d", seed).isEqualTo(instant.toString());
    }
    Instant now = Instant.now();
    assertThat(InternalJson.read(InternalJson.write(now), Instant.class)).isEqualTo(now);
    assertThat(InternalJson.write(now)).isEqualTo("\"" + now + "\"");
  }
}
