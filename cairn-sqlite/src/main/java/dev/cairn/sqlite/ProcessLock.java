package dev.cairn.sqlite;

import dev.cairn.failure.StoreException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Keeps a second process from opening the same store for writing: an OS file lock on {@code <db>.lock},
 * which holds the owner's pid and host so that the refusal can name it. The OS releases the lock when the
 * process dies, however it dies.
 */
final class ProcessLock {
  private final FileChannel channel;
  private final FileLock lock;

  private ProcessLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static ProcessLock acquire(Path database) {
    Path lockFile = database.resolveSibling(database.getFileName() + ".lock");
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        throw refused(database, "this same process");
      }
      if (lock == null) {
        throw refused(database, describeHolder(lockFile));
      }
      String owner = "pid " + ProcessHandle.current().pid() + " on " + hostName() + " since " + Instant.now();
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(true);
      return new ProcessLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StoreException("Cannot lock the Cairn store " + database + " (" + lockFile + "): " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static StoreException refused(Path database, String holder) {
    return new StoreException("The Cairn store " + database.toAbsolutePath() + " is already open for writing by "
        + holder + ". Only one process may use it at a time: stop the other one, or give this one another data"
        + " directory (cairn serve --data DIR, or SqliteStore.builder(path)).");
  }

  private static String describeHolder(Path lockFile) {
    try {
      String text = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "another process" : "another process (" + text + ")";
    } catch (IOException e) {
      return "another process";
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "this host";
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Nothing more to do.
      }
    }
  }

  void release() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // The channel is closed next; the OS drops the lock with it.
    }
    closeQuietly(channel);
  }
}
