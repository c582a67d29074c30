package dev.cairn.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Default worker ids: {@code host-pid-xxxxxx}, with a random part, since host name and process id alone can repeat
 * (containers sharing the host's network all run as process 1) and two live workers with one id would take each
 * other's partitions. A worker that should take its partitions back at once after a restart needs a fixed id.
 */
final class WorkerIds {
  private WorkerIds() {}

  static String next() {
    return host() + "-" + ProcessHandle.current().pid() + "-"
        + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
