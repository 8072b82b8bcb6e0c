package dev.shop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a module's own {@code application.yml} is. Every module ships one at its classpath root, and in one JVM
 * they share a classpath, where {@code classpath:application.yml} would give every module the first one found.
 * So each module's context is pointed at the file inside its own jar (or classes directory) instead.
 */
public final class ModuleConfig {

    private static final List<String> NAMES = List.of("application.properties", "application.yml", "application.yaml");

    private ModuleConfig() {
    }

    /**
     * A value for {@code spring.config.location}: the config files next to {@code application}'s class, e.g.
     * {@code jar:file:/.../shop-cart.jar!/application.yml}. A module without one gets an empty optional location,
     * never another module's file.
     */
    public static String location(String module, Class<?> application) {
        CodeSource source = application.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell where module " + module + " (" + application.getName()
                    + ") was loaded from");
        }
        String home = source.getLocation().toString();
        ClassLoader loader = application.getClassLoader();
        List<String> own = new ArrayList<>();
        try {
            for (String name : NAMES) {
                for (URL url : Collections.list(loader.getResources(name))) {
                    String candidate = url.toString();
                    if (candidate.equals(jarEntry(home, name)) || candidate.equals(directoryEntry(home, name))) {
                        own.add(candidate);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the config files of module " + module, e);
        }
        return own.isEmpty() ? "optional:classpath:/shop-local/" + module + "/" : String.join(",", own);
    }

    private static String jarEntry(String jar, String name) {
        return "jar:" + jar + "!/" + name;
    }

    private static String directoryEntry(String directory, String name) {
        return (directory.endsWith("/") ? directory : directory + "/") + name;
    }
}
