package dev.shop.runtime.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import dev.shop.runtime.manifest.FunctionManifest;

/** Small function manifests under {@code src/test/resources/manifest/}. */
public final class TestManifests {

    private TestManifests() {
    }

    public static FunctionManifest read(String name) throws IOException {
        try (InputStream in = TestManifests.class.getResourceAsStream("/manifest/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test manifest " + name);
            }
            return FunctionManifest.read(in);
        }
    }

    /** The manifest of the test module {@code demo}. */
    public static FunctionManifest demo() {
        try {
            return read("demo.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
