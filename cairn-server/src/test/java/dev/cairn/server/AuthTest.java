package dev.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Beyond loopback every route needs the token; on loopback none; cross-site writes are refused anyway. */
class AuthTest {

  @Test
  void boundBeyondLoopback_everyRouteNeedsTheToken_givenInAnyAcceptedWay() throws Exception {
    try (ServerFixture server = new ServerFixture(ServerOptions.defaults().withHost("0.0.0.0"))) {
      String token = server.server.token();
      assertThat(token).isNotBlank().hasSizeGreaterThan(30);

      for (String path : new String[] {"/healthz", "/runtime/webhooks/durabletask/instances",
          "/runtime/webhooks/durabletask/entities/Counter/x"}) {
        HttpResponse<String> refused = server.get(path);
        assertThat(refused.statusCode()).as(path).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
            t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("requires a token");
      }
      assertThat(server.post("/runtime/webhooks/durabletask/orchestrators/HelloCities", null).statusCode())
          .isEqualTo(401);
      assertThat(server.send(HttpRequest.newBuilder(server.uri("/healthz"))
          .header("Authorization", "Bearer wrong-" + token)).statusCode()).isEqualTo(401);
      assertThat(server.send(HttpRequest.newBuilder(server.uri("/healthz"))
          .header("Authorization", "Bearer " + token)).statusCode()).isEqualTo(200);
      assertThat(server.send(HttpRequest.newBuilder(server.uri("/healthz"))
          .header("x-functions-key", token)).statusCode()).isEqualTo(200);
      assertThat(server.get("/healthz?code=" + token).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void dashboard_asksForTheToken_andKeepsItInACookie() throws Exception {
    try (ServerFixture server = new ServerFixture(ServerOptions.defaults().withHost("0.0.0.0").withToken("s3cret-token"))) {
      HttpResponse<String> page = server.send(HttpRequest.newBuilder(server.uri("/ui")).header("Accept", "text/html"));
      assertThat(page.statusCode()).isEqualTo(303);
      assertThat(page.headers().firstValue("Location")).hasValue("/ui/login");
      assertThat(server.get("/ui/login").body()).contains("Sign in", "name=\"token\"");

      HttpResponse<String> wrong = server.send(HttpRequest.newBuilder(server.uri("/ui/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("token=nope")));
      assertThat(wrong.statusCode()).isEqualTo(401);
      HttpResponse<String> right = server.send(HttpRequest.newBuilder(server.uri("/ui/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("token=s3cret-token")));
      assertThat(right.statusCode()).isEqualTo(303);
      String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
      assertThat(cookie).contains("HttpOnly", "SameSite=Strict");
      assertThat(server.send(HttpRequest.newBuilder(server.uri("/ui"))
          .header("Cookie", cookie.substring(0, cookie.indexOf(';')))).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void onLoopback_noTokenIsNeeded_butCrossSiteWritesAreRefused() throws Exception {
    try (ServerFixture server = new ServerFixture()) {
      assertThat(server.server.token()).isNull();
      assertThat(server.get("/healthz").statusCode()).isEqualTo(200);

      HttpResponse<String> crossSite = server.send(HttpRequest.newBuilder(
          server.uri("/runtime/webhooks/durabletask/orchestrators/HelloCities"))
          .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(crossSite.statusCode()).isEqualTo(403);
      assertThat(crossSite.body()).contains("Cross-site request refused");
      HttpResponse<String> sameSite = server.send(HttpRequest.newBuilder(
          server.uri("/runtime/webhooks/durabletask/orchestrators/HelloCities"))
          .header("Origin", "http://127.0.0.1:" + server.port()).POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(sameSite.statusCode()).isEqualTo(202);
    }
  }
}
