package dev.cairn.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

/** Default worker ids: {@code host-pid}, and {@code host-pid-n} for the n-th runtime of a process after the first. */
final class WorkerIds {
  private static final AtomicInteger STARTED = new AtomicInteger();

  private WorkerIds() {}

  static String next() {
    int n = STARTED.incrementAndGet();
    String base = host() + "-" + ProcessHandle.current().pid();
    return n == 1 ? base : base + "-" + n;
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
