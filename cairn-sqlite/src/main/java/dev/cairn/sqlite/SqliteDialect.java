package dev.cairn.sqlite;

import dev.cairn.jdbc.Dialect;
import dev.cairn.jdbc.HintChannel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/** SQLite: WAL journal, the chosen synchronous mode, one writer, a few readers, one process. */
final class SqliteDialect implements Dialect {
  private static final int CHECKPOINT_PAGES = 10_000;

  private final Path file;
  private final Synchronous synchronous;
  private final ProcessLock lock;

  SqliteDialect(Path file, Synchronous synchronous, ProcessLock lock) {
    this.file = file;
    this.synchronous = synchronous;
    this.lock = lock;
  }

  @Override
  public String name() {
    return "sqlite";
  }

  private SQLiteConfig config() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(synchronous == Synchronous.FULL
        ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(30_000);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    config.setCacheSize(-16_384);
    // Cairn never asks for generated keys; the driver would otherwise query the last row id after every insert.
    config.setGetGeneratedKeys(false);
    return config;
  }

  /**
   * The writer's connection. It checkpoints the write-ahead log into the database file every {@value
   * #CHECKPOINT_PAGES} pages (about 40 MB) rather than SQLite's default 1,000: a page rewritten by many commits
   * (the last page of a table, an index page) is then copied once per checkpoint instead of many times.
   */
  @Override
  public Connection openWriter() throws SQLException {
    Connection connection = config().createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA wal_autocheckpoint = " + CHECKPOINT_PAGES);
    }
    return connection;
  }

  @Override
  public Connection openReader() throws SQLException {
    SQLiteConfig config = config();
    config.setReadOnly(true);
    return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  /** The messages table is AUTOINCREMENT: SQLite keeps its largest id ever used in {@code sqlite_sequence}. */
  @Override
  public long highestAssignedMessageId(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = 'messages'")) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }

  @Override
  public int readerConnections() {
    return 4;
  }

  @Override
  public boolean singleProcess() {
    return true;
  }

  @Override
  public String messageIdsQuery() {
    return null;
  }

  @Override
  public String clockQuery() {
    return null;
  }

  @Override
  public String skipLocked() {
    return "";
  }

  @Override
  public HintChannel openHintChannel(Consumer<String> onHint) {
    return null;
  }

  @Override
  public void lockForMigration(Connection connection) {
    // The process lock already keeps every other process out.
  }

  @Override
  public void close() {
    lock.release();
  }
}
