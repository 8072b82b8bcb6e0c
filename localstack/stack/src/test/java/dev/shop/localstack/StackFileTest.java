package dev.shop.localstack;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StackFileTest {

    @Test
    void recordsTheStackOwnerOnlyAndForgetsItWhenRemoved() throws Exception {
        int port = 40_000 + (int) (ProcessHandle.current().pid() % 20_000);
        StackFile written = new StackFile("http://127.0.0.1:" + port, "jdbc:postgresql://127.0.0.1:5432/shop",
                "postgres", "postgres", "redis://127.0.0.1:6379", "127.0.0.1:9092", "token",
                ProcessHandle.current().pid());

        written.write(port);

        assertThat(StackFile.read(port)).contains(written);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(StackFile.path(port))))
                .isEqualTo("rw-------");
        StackFile.delete(port);
        assertThat(StackFile.read(port)).isEmpty();
    }

    @Test
    void ignoresTheFileOfAStackWhoseProcessIsGone() {
        int port = 40_000 + (int) ((ProcessHandle.current().pid() + 1) % 20_000);
        new StackFile("http://127.0.0.1:" + port, "jdbc:postgresql://127.0.0.1:5432/shop", null, null,
                "redis://127.0.0.1:6379", "127.0.0.1:9092", "token", Long.MAX_VALUE).write(port);
        try {
            assertThat(StackFile.read(port)).isEmpty();
        } finally {
            StackFile.delete(port);
        }
    }
}
