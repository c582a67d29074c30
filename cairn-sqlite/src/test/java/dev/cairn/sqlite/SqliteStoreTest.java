package dev.cairn.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.failure.StoreException;
import dev.cairn.history.EventRaised;
import dev.cairn.history.ExecutionStarted;
import dev.cairn.history.HistoryEvent;
import dev.cairn.history.OrchestratorStarted;
import dev.cairn.jdbc.JdbcStore;
import dev.cairn.store.NewMessage;
import dev.cairn.store.OrchestrationMessage;
import dev.cairn.store.PartitionCommit;
import dev.cairn.store.PartitionLease;
import dev.cairn.store.StoreCodec;
import dev.cairn.store.StoreProvider;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store's own set-up: WAL, durability modes, the process lock, migrations, partitions. */
class SqliteStoreTest {
  @TempDir
  Path directory;

  private static String pragma(Path file, String name) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
      rows.next();
      return rows.getString(1);
    }
  }

  @Test
  void newStore_usesWal_createsItsDirectory_andRecordsItsSchemaVersion() throws Exception {
    Path file = directory.resolve("nested/dir/cairn.db");
    try (JdbcStore store = SqliteStore.open(file)) {
      assertThat(store.partitionCount()).isEqualTo(8);
    }

    assertThat(pragma(file, "journal_mode")).isEqualTo("wal");
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version, script FROM cairn_schema_version")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(1);
      assertThat(rows.getString(2)).isEqualTo("V1__initial_schema.sql");
    }
  }

  @Test
  void secondOpenOfTheSameFile_isRefused_namingTheFileAndTheHolder() {
    Path file = directory.resolve("locked.db");
    try (JdbcStore first = SqliteStore.open(file)) {
      assertThatThrownBy(() -> SqliteStore.open(file))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining(file.toAbsolutePath().toString())
          .hasMessageContaining("already open for writing")
          .hasMessageContaining("another data directory");
      assertThat(first.partitionCount()).isPositive();
    }
    try (JdbcStore again = SqliteStore.open(file)) {
      assertThat(again.partitionCount()).isPositive();
    }
  }

  @Test
  void lockFile_namesTheHoldingProcess() throws Exception {
    Path file = directory.resolve("named.db");
    try (JdbcStore store = SqliteStore.open(file)) {
      String holder = java.nio.file.Files.readString(directory.resolve("named.db.lock"));
      assertThat(holder).contains("pid " + ProcessHandle.current().pid());
      assertThat(store).isNotNull();
    }
  }

  @Test
  void partitionCount_isFixedWhenTheStoreIsCreated() {
    Path file = directory.resolve("partitions.db");
    try (JdbcStore store = SqliteStore.builder(file).partitions(4).open()) {
      assertThat(store.partitionCount()).isEqualTo(4);
    }
    try (JdbcStore store = SqliteStore.builder(file).partitions(16).open()) {
      assertThat(store.partitionCount()).isEqualTo(4);
    }
  }

  @Test
  void storeWrittenByANewerCairn_isRefusedAndLeftAlone() throws Exception {
    Path file = directory.resolve("future.db");
    SqliteStore.open(file).close();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO cairn_schema_version (version, script, applied_at) VALUES (99, 'V99', 0)");
    }

    assertThatThrownBy(() -> SqliteStore.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("version 99")
        .hasMessageContaining("upgrade Cairn");
    try (JdbcStore store = SqliteStore.builder(directory.resolve("other.db")).open()) {
      assertThat(store.partitionCount()).isEqualTo(8);
    }
  }

  @Test
  void reopening_appliesNoMigrationTwice() throws Exception {
    Path file = directory.resolve("twice.db");
    SqliteStore.open(file).close();
    SqliteStore.open(file).close();

    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT COUNT(*), COUNT(DISTINCT version), MAX(version) FROM cairn_schema_version")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(rows.getInt(2)).isEqualTo(rows.getInt(3)).isEqualTo(migrationCount());
    }
  }


  private static int migrationCount() throws Exception {
    try (var in = SqliteStoreTest.class.getClassLoader()
        .getResourceAsStream("dev/cairn/jdbc/migrations/sqlite/migrations.txt")) {
      return (int) new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank()).count();
    }
  }

  @Test
  void aStoreOfSchemaVersion1_keepsItsHistories_whenUpgradedToSegments() throws Exception {
    Path file = directory.resolve("v1.db");
    List<HistoryEvent> events = List.of(new OrchestratorStarted(0, Instant.EPOCH),
        new ExecutionStarted(1, Instant.EPOCH, "Hello", "e1", "\"x\"", null, null));
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        InputStream v1 = getClass().getResourceAsStream("/dev/cairn/jdbc/migrations/sqlite/V1__initial_schema.sql")) {
      statement.execute("CREATE TABLE cairn_schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL,"
          + " applied_at BIGINT NOT NULL)");
      for (String part : new String(v1.readAllBytes(), StandardCharsets.UTF_8).split(";\\s*\n")) {
        if (!part.isBlank()) {
          statement.execute(part);
        }
      }
      statement.execute("INSERT INTO cairn_schema_version VALUES (1, 'V1__initial_schema.sql', 0)");
      statement.execute("INSERT INTO cairn_settings VALUES ('partitions', '8')");
      statement.execute("INSERT INTO instances (instance_id, name, execution_id, status, created_at, updated_at,"
          + " version, history_length) VALUES ('old', 'Hello', 'e1', 'RUNNING', 0, 0, 3, 2)");
      for (HistoryEvent event : events) {
        statement.execute("INSERT INTO history VALUES ('old', " + event.eventId() + ", '"
            + StoreCodec.encode(event).replace("'", "''") + "')");
      }
    }

    try (JdbcStore store = SqliteStore.open(file)) {
      assertThat(store.loadHistory("old")).isEqualTo(events);
      assertThat(store.getInstance("old").orElseThrow().version()).isEqualTo(3);
    }
  }

  @Test
  void writerConnections_flushEveryCommit_byDefault_andLessOnlyWhenAsked() throws Exception {
    Path file = directory.resolve("sync.db");
    for (Synchronous mode : Synchronous.values()) {
      ProcessLock lock = ProcessLock.acquire(file);
      SqliteDialect dialect = new SqliteDialect(file, mode, lock);
      try (Connection writer = dialect.openWriter();
          Statement statement = writer.createStatement();
          ResultSet rows = statement.executeQuery("PRAGMA synchronous")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(mode == Synchronous.FULL ? 2 : 1);
      } finally {
        dialect.close();
      }
    }
  }

  @Test
  void theWriter_checkpointsTheLogEvery10000Pages_andNeverFetchesGeneratedKeys() throws Exception {
    Path file = directory.resolve("checkpoint.db");
    ProcessLock lock = ProcessLock.acquire(file);
    SqliteDialect dialect = new SqliteDialect(file, Synchronous.FULL, lock);
    try (Connection writer = dialect.openWriter();
        Statement statement = writer.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA wal_autocheckpoint")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(10_000);
      assertThat(((org.sqlite.SQLiteConnection) writer).getDatabase().getConfig().isGetGeneratedKeys()).isFalse();
    } finally {
      dialect.close();
    }
  }

  @Test
  void messageIds_keepGrowingAcrossReopening_evenAfterEveryMessageWasConsumed() {
    Path file = directory.resolve("ids.db");
    long consumed;
    try (JdbcStore store = SqliteStore.open(file)) {
      store.sendMessages(List.of(new NewMessage(0, "x",
          new OrchestrationMessage(null, new EventRaised(-1, Instant.EPOCH, "e", "1")), Instant.EPOCH)));
      consumed = store.fetchMessages(0, Instant.MAX, 10, Set.of()).messages().get(0).id();
      PartitionLease lease = store.acquirePartition(0, "worker", Duration.ofMinutes(1));
      store.commit(new PartitionCommit(lease, List.of(consumed), Map.of(), List.of(), List.of(), List.of(),
          List.of(), List.of(), List.of()));
    }
    try (JdbcStore store = SqliteStore.open(file)) {
      assertThat(store.reserveMessageIds(1)[0]).isGreaterThan(consumed);
    }
  }

  @Test
  void normalSynchronousMode_canBeChosen() throws Exception {
    Path file = directory.resolve("normal.db");
    try (JdbcStore store = SqliteStore.builder(file).synchronous(Synchronous.NORMAL).open()) {
      assertThat(store.dialectName()).isEqualTo("sqlite");
    }
    assertThat(pragma(file, "journal_mode")).isEqualTo("wal");
  }

  @Test
  void theSqliteStore_isTheDefaultStoreProvider() {
    assertThat(ServiceLoader.load(StoreProvider.class).stream().map(p -> p.get().name()))
        .containsExactly("sqlite");
  }
}
