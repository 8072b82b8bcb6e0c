package dev.shop.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;

/** Reads a Lambda jar without loading its classes: its resources, its classes and the beans it declares. */
public final class LambdaJar implements AutoCloseable {

    private final Path path;
    private final JarFile jar;

    private LambdaJar(Path path, JarFile jar) {
        this.path = path;
        this.jar = jar;
    }

    public static LambdaJar open(Path path) {
        try {
            return new LambdaJar(path, new JarFile(path.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    public boolean hasClass(String className) {
        return jar.getJarEntry(className.replace('.', '/') + ".class") != null;
    }

    /** A resource as UTF-8 text, if the jar has it. */
    public Optional<String> resource(String name) {
        JarEntry entry = jar.getJarEntry(name);
        if (entry == null) {
            return Optional.empty();
        }
        try (InputStream in = jar.getInputStream(entry)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Manifest manifest() {
        try {
            Manifest manifest = jar.getManifest();
            return manifest == null ? new Manifest() : manifest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The names of the {@code @Bean} methods declared by the classes under {@code packageName}: what a
     * {@code SPRING_CLOUD_FUNCTION_DEFINITION} can name. Read from the class files (ASM), so nothing is loaded.
     */
    public Set<String> beanNames(String packageName) {
        String prefix = packageName.replace('.', '/') + "/";
        SimpleMetadataReaderFactory readers = new SimpleMetadataReaderFactory();
        Set<String> names = new LinkedHashSet<>();
        jar.stream()
                .filter(e -> e.getName().startsWith(prefix) && e.getName().endsWith(".class"))
                .forEach(entry -> {
                    MetadataReader reader;
                    try (InputStream in = jar.getInputStream(entry)) {
                        reader = readers.getMetadataReader(new ByteArrayResource(in.readAllBytes(), entry.getName()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    for (MethodMetadata method : reader.getAnnotationMetadata().getAnnotatedMethods(Bean.class.getName())) {
                        MergedAnnotation<Bean> bean = method.getAnnotations().get(Bean.class);
                        String[] declared = bean.getStringArray("name");
                        if (declared.length == 0) {
                            names.add(method.getMethodName());
                        } else {
                            Collections.addAll(names, declared);
                        }
                    }
                });
        return names;
    }

    @Override
    public void close() {
        try {
            jar.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
