package dev.cairn.server;

/**
 * How a Cairn server listens.
 *
 * @param host the address to bind; anything but loopback requires a token
 * @param port the port (0 for any free port)
 * @param token the access token, or null: generated when one is required, none on loopback
 * @param maxBodyBytes the largest request body accepted; larger ones are refused before they are read whole
 */
public record ServerOptions(String host, int port, String token, int maxBodyBytes) {

  /** The default body limit: 4 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 4 << 20;

  /** Checks the values. */
  public ServerOptions {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    if (maxBodyBytes < 1_024) {
      throw new IllegalArgumentException("maxBodyBytes must be at least 1024, got " + maxBodyBytes);
    }
  }

  /** {@code 127.0.0.1:8080}, no token, 4 MiB bodies. */
  public static ServerOptions defaults() {
    return new ServerOptions("127.0.0.1", 8080, null, DEFAULT_MAX_BODY_BYTES);
  }

  /** The same options on another host. */
  public ServerOptions withHost(String value) {
    return new ServerOptions(value, port, token, maxBodyBytes);
  }

  /** The same options on another port. */
  public ServerOptions withPort(int value) {
    return new ServerOptions(host, value, token, maxBodyBytes);
  }

  /** The same options with a token. */
  public ServerOptions withToken(String value) {
    return new ServerOptions(host, port, value, maxBodyBytes);
  }

  /** The same options with another body limit. */
  public ServerOptions withMaxBodyBytes(int value) {
    return new ServerOptions(host, port, token, value);
  }
}
