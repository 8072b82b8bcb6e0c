package dev.shop.local.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real Postgres (zonky binaries, PG 17) on a free port. zonky runs it through a user namespace when the JVM
 * runs as root, which Postgres otherwise refuses.
 */
final class EmbeddedPostgresServer implements EmbeddedServer {

    static final String USER = "postgres";
    /** initdb runs with trust authentication: any password is accepted. */
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Optional<ProcessHandle> postmaster;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Optional<ProcessHandle> postmaster) {
        this.postgres = postgres;
        this.postmaster = postmaster;
    }

    static EmbeddedPostgresServer start() throws IOException {
        // zonky's own shutdown hook stays on: it covers a Ctrl-C while LocalServers is still starting.
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(LoopbackPorts.free())
                // The first run unpacks the binaries; a busy 2-core CI machine needs more than zonky's 10 s.
                .setPGStartupWait(Duration.ofSeconds(30))
                .start();
        return new EmbeddedPostgresServer(postgres, findPostmaster(postgres));
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String address() {
        return "127.0.0.1:" + postgres.getPort();
    }

    @Override
    public void stop() throws IOException {
        try {
            postgres.close();
        } finally {
            postmaster.ifPresent(EmbeddedPostgresServer::killUnlessItExits);
        }
    }

    /**
     * pg_ctl daemonizes the postmaster, so it is no child of this JVM; remember its PID in case pg_ctl stop
     * fails and it would be left running.
     */
    private static Optional<ProcessHandle> findPostmaster(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet dataDirectory = statement.executeQuery("SHOW data_directory")) {
            dataDirectory.next();
            String pidLine = Files.readAllLines(Path.of(dataDirectory.getString(1), "postmaster.pid")).getFirst();
            return ProcessHandle.of(Long.parseLong(pidLine.strip()));
        } catch (SQLException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void killUnlessItExits(ProcessHandle postmaster) {
        try {
            // At JVM exit zonky's hook may be running pg_ctl stop at this very moment: give it time first.
            postmaster.onExit().get(5, TimeUnit.SECONDS);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | ExecutionException e) {
            // Still running: pg_ctl stop failed.
        }
        postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
        postmaster.destroyForcibly();
    }
}
