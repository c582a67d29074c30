package dev.cairn.examples;

import dev.cairn.activity.ActivityContext;
import dev.cairn.orchestration.OrchestrationContext;
import dev.cairn.runtime.Cairn;
import java.util.List;

/**
 * Function chaining: three activities in sequence. Output {@code ["Hello Tokyo!","Hello Seattle!","Hello
 * London!"]}. Run it with {@code java -cp cairn.jar dev.cairn.examples.HelloCities}.
 */
public final class HelloCities {
  private HelloCities() {}

  /** Registers the activity {@code SayHello} and the orchestration {@code HelloCities}. */
  public static Cairn.Builder register(Cairn.Builder builder) {
    return builder
        .activity("SayHello", (ActivityContext ctx, String city) -> "Hello " + city + "!")
        .orchestration("HelloCities", (OrchestrationContext ctx, Void input) -> List.of(
            ctx.callActivity("SayHello", "Tokyo", String.class).await(),
            ctx.callActivity("SayHello", "Seattle", String.class).await(),
            ctx.callActivity("SayHello", "London", String.class).await()));
  }

  /** Runs one instance and prints its output. */
  public static void main(String[] args) throws Exception {
    ExampleRunner.run("HelloCities", cairn -> ExampleRunner.startAndWait(cairn, "HelloCities", null, id -> { }));
  }
}
