package dev.cairn.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.failure.StoreException;
import dev.cairn.jdbc.JdbcStore;
import dev.cairn.jdbc.JdbcStoreOptions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The shared store: one PostgreSQL database (one schema of it) that several worker processes use at once. Each
 * partition has one owner at a time, by a lease with an epoch that every commit checks in its own transaction, so
 * a worker that lost its lease can never commit; lease times come from the database's clock and message ids from
 * a sequence, so the workers need not agree on anything but the database.
 *
 * <pre>{@code
 * Store store = PostgresStore.builder("jdbc:postgresql://db:5432/app?user=cairn").build();
 * Store other = PostgresStore.builder(url).schema("orders").partitions(64).build();
 * }</pre>
 */
public final class PostgresStore {
  /** The schema Cairn's tables live in unless told otherwise. */
  public static final String DEFAULT_SCHEMA = "cairn";
  /** The partitions of a new database: enough for a few dozen workers to share the work. */
  public static final int DEFAULT_PARTITIONS = 32;
  /** How long the database waits for a worker in the middle of a transaction before it ends the transaction. */
  public static final Duration DEFAULT_STALLED_TRANSACTION_TIMEOUT = Duration.ofSeconds(5);
  /** Connections that write, unless told otherwise: one group transaction at a time per worker. */
  public static final int DEFAULT_WRITER_CONNECTIONS = 1;

  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private PostgresStore() {}

  /** A builder for the store in the database at a JDBC URL ({@code jdbc:postgresql://host:port/database?...}). */
  public static Builder builder(String jdbcUrl) {
    return new Builder(jdbcUrl);
  }

  /** Options of a PostgreSQL store. */
  public static final class Builder {
    private final String url;
    private String schema = DEFAULT_SCHEMA;
    private String user;
    private String password;
    private int readers = 8;
    private int writers = DEFAULT_WRITER_CONNECTIONS;
    private Duration stalledTransactionTimeout = DEFAULT_STALLED_TRANSACTION_TIMEOUT;
    private JdbcStoreOptions options = JdbcStoreOptions.defaults().withPartitions(DEFAULT_PARTITIONS);

    private Builder(String url) {
      if (url == null || !url.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("A PostgreSQL store needs a JDBC URL that starts with"
            + " 'jdbc:postgresql:', for example jdbc:postgresql://127.0.0.1:5432/app?user=cairn; got " + url);
      }
      if (url.toLowerCase(Locale.ROOT).contains("rewritebatchedinserts=true")) {
        throw new IllegalArgumentException("Remove reWriteBatchedInserts=true from the JDBC URL: with it the driver"
            + " does not say which rows a batch inserted, and Cairn checks every one; got "
            + withoutPassword(url));
      }
      this.url = url;
    }

    /**
     * The schema Cairn's tables live in (default {@value #DEFAULT_SCHEMA}), created if missing: lower-case letters,
     * digits and underscores. Several Cairn deployments can share a database in different schemas.
     */
    public Builder schema(String name) {
      if (name == null || !SCHEMA_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("The schema name must be 1 to 63 lower-case letters, digits or"
            + " underscores, not starting with a digit; got " + name);
      }
      this.schema = name;
      return this;
    }

    /** The user to connect as, when the URL does not say. */
    public Builder user(String value) {
      this.user = value;
      return this;
    }

    /** The password, when the URL does not say. */
    public Builder password(String value) {
      this.password = value;
      return this;
    }

    /**
     * The number of partitions of a new database (default {@value #DEFAULT_PARTITIONS}); fixed once the database is
     * set up, and at least the number of workers that should share the work.
     */
    public Builder partitions(int count) {
      this.options = options.withPartitions(count);
      return this;
    }

    /**
     * How many connections write (default 1), each in group transactions of its own for a fixed share of the
     * partitions, so that commits of different partitions run in parallel; every write of one partition goes through
     * the same connection, in order. More writers pay when round trips to the database dominate (a database across a
     * network); where the database shares the workers' cores, one writer merges more commits into each transaction
     * and costs less. Messages handed from a partition to one served by another writer wait for their commit to be
     * durable before they are taken.
     */
    public Builder writerConnections(int count) {
      if (count < 1 || count > 64) {
        throw new IllegalArgumentException("writerConnections must be between 1 and 64, got " + count);
      }
      this.writers = count;
      return this;
    }

    /** How many connections serve reads (default 8); the writers, leases and hints have their own. */
    public Builder readerConnections(int count) {
      if (count < 1 || count > 64) {
        throw new IllegalArgumentException("readerConnections must be between 1 and 64, got " + count);
      }
      this.readers = count;
      return this;
    }

    /**
     * How long the database waits for the next statement of a worker's open transaction before it ends the
     * transaction and the connection (default 5 s; PostgreSQL's {@code idle_in_transaction_session_timeout}). A
     * worker frozen mid-transaction (a long pause, a stopped VM) holds the row locks of its partitions; without this
     * limit, no other worker could take them over until it woke up. Cairn's transactions take milliseconds.
     */
    public Builder stalledTransactionTimeout(Duration timeout) {
      if (timeout == null || timeout.toMillis() < 100 || timeout.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException(
            "stalledTransactionTimeout must be between 100 ms and 1 hour, got " + timeout);
      }
      this.stalledTransactionTimeout = timeout;
      return this;
    }

    /** The clock for bookkeeping (default: the system clock); leases always follow the database's clock. */
    public Builder clock(InstantSource clock) {
      this.options = options.withClock(clock);
      return this;
    }

    /**
     * Connects, brings the schema up to date (one worker at a time, when several start at once) and starts the
     * writer.
     *
     * @throws StoreException when the database cannot be reached or its schema is newer than this Cairn
     */
    public JdbcStore build() {
      HikariConfig config = new HikariConfig();
      config.setPoolName("cairn-postgres-" + schema);
      config.setJdbcUrl(url);
      config.setSchema(schema);
      config.addDataSourceProperty("ApplicationName", "cairn/" + schema);
      // A connection the network cut off without a reset fails instead of blocking the writer for ever.
      config.addDataSourceProperty("tcpKeepAlive", "true");
      config.addDataSourceProperty("socketTimeout", "60");
      config.setConnectionInitSql(
          "SET idle_in_transaction_session_timeout = " + stalledTransactionTimeout.toMillis());
      if (user != null) {
        config.setUsername(user);
      }
      if (password != null) {
        config.setPassword(password);
      }
      // The readers, the writers of commits, the writer of leases, and the connection that listens for hints.
      config.setMaximumPoolSize(readers + writers + 2);
      config.setMinimumIdle(1);
      config.setMaxLifetime(0);
      config.setConnectionTimeout(10_000);
      HikariDataSource pool;
      try {
        pool = new HikariDataSource(config);
      } catch (RuntimeException e) {
        throw new StoreException("Cannot connect to PostgreSQL at " + withoutPassword(url) + ": "
            + rootMessage(e) + ". Check that the server runs, and the host, port, database, user and password.", e);
      }
      return JdbcStore.open(new PostgresDialect(pool, schema, readers, writers), options);
    }
  }

  /** A JDBC URL with its password masked, for messages and logs. */
  public static String withoutPassword(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
