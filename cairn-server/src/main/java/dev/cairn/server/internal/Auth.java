package dev.cairn.server.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The access token, required on every route when the server listens on anything but loopback. Accepted as
 * {@code Authorization: Bearer <token>}, {@code x-functions-key: <token>}, {@code ?code=<token>} (as Durable
 * Functions' keys are), or the dashboard's cookie; compared in constant time.
 */
public final class Auth {
  /** The dashboard's cookie name. */
  public static final String COOKIE = "cairn_token";

  private final byte[] token;

  private Auth(String token) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  /** No token required. */
  public static Auth none() {
    return new Auth(null);
  }

  /** This token required. */
  public static Auth token(String token) {
    if (token.isBlank()) {
      throw new IllegalArgumentException("The token must not be blank");
    }
    return new Auth(token);
  }

  /** A random token (32 bytes, URL-safe Base64). */
  public static String generate() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether a token is required. */
  public boolean required() {
    return token != null;
  }

  /** Whether the request carries the token (always true when none is required). */
  public boolean allows(Request request) {
    if (token == null) {
      return true;
    }
    return matches(bearer(request.header("authorization")))
        || matches(request.header("x-functions-key"))
        || matches(request.queryParam("code"))
        || matches(cookie(request.header("cookie")));
  }

  /** Whether a presented token is the right one (constant time). */
  public boolean matches(String presented) {
    return token != null && presented != null
        && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
  }

  private static String bearer(String header) {
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
  }

  private static String cookie(String header) {
    if (header == null) {
      return null;
    }
    for (String part : header.split(";")) {
      String pair = part.strip();
      if (pair.startsWith(COOKIE + "=")) {
        return pair.substring(COOKIE.length() + 1);
      }
    }
    return null;
  }
}
