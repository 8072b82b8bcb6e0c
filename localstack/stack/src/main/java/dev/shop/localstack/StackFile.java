package dev.shop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where a running local stack can be reached, for tools on the same machine (the cost report and the performance
 * suite read the stack's own database): {@code ${java.io.tmpdir}/shop-local/stack-<port>.json}, readable by its
 * owner only, because it holds the admin token. Written once the stack is up, removed when it stops.
 *
 * @param gateway        base URL of the gateway, e.g. {@code http://127.0.0.1:8080}
 * @param jdbcUrl        the functions' database (every module's schema and {@code metering})
 * @param dbUser         its user (null when the URL carries its own)
 * @param dbPassword     its password (null likewise)
 * @param redisUri       the stack's Redis
 * @param kafkaBootstrap the stack's Kafka
 * @param adminToken     bearer token of the admin routes
 * @param pid            the stack's process id
 */
public record StackFile(String gateway, String jdbcUrl, String dbUser, String dbPassword, String redisUri,
                        String kafkaBootstrap, String adminToken, long pid) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The file of the stack whose gateway listens on {@code port}. */
    public static Path path(int port) {
        return Path.of(System.getProperty("java.io.tmpdir"), "shop-local", "stack-" + port + ".json");
    }

    static StackFile of(LocalStack.Running stack) {
        return new StackFile(stack.uri().toString(), stack.jdbcUrl(), stack.servers().dbUser(),
                stack.servers().dbPassword(), stack.servers().redisUri(), stack.servers().kafkaBootstrap(),
                stack.adminToken(), ProcessHandle.current().pid());
    }

    /** Writes the file for the stack on {@code port}, owner-only, replacing one a killed stack left behind. */
    Path write(int port) {
        Path file = path(port);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "stack-", ".tmp");
            try {
                setOwnerOnly(temporary);
                JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The file of a stack on {@code port}, if one is there and its process still runs. */
    public static Optional<StackFile> read(int port) {
        Path file = path(port);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            StackFile stack = JSON.readValue(file.toFile(), StackFile.class);
            return ProcessHandle.of(stack.pid()).filter(ProcessHandle::isAlive).map(p -> stack);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static void delete(int port) {
        try {
            Files.deleteIfExists(path(port));
        } catch (IOException e) {
            // a stale file names a dead pid, and read() ignores it
        }
    }

    private static void setOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the temp directory is per user already
        }
    }

    @Override
    public String toString() {
        return "StackFile[gateway=" + gateway + ", jdbcUrl=" + jdbcUrl + ", pid=" + pid + "]";
    }
}
