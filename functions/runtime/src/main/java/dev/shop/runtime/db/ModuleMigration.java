package dev.shop.runtime.db;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.shop.runtime.manifest.FunctionManifest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * {@code migrateModule}: what a module needs before its functions take traffic, done once per deployment rather
 * than at every function's start (a snapshot taken at init must not hold a migration or a connection). It runs the
 * module's Flyway migrations and the metering schema's, and creates the manifest topics the module produces or
 * consumes with their partition counts; both are idempotent, so a repeated deployment changes nothing.
 */
public class ModuleMigration implements Supplier<Map<String, Object>> {

    private final DataSource dataSource;
    private final String module;
    private final List<String> extraLocations;
    private final FunctionManifest manifest;
    private final Properties kafkaAdmin;

    /**
     * @param extraLocations Flyway locations of libraries the module embeds
     * @param kafkaAdmin     the settings of the admin client that creates the topics
     */
    public ModuleMigration(DataSource dataSource, String module, List<String> extraLocations, FunctionManifest manifest,
                           Properties kafkaAdmin) {
        this.dataSource = dataSource;
        this.module = module;
        this.extraLocations = List.copyOf(extraLocations);
        this.manifest = manifest;
        this.kafkaAdmin = kafkaAdmin;
    }

    @Override
    public Map<String, Object> get() {
        int migrations = SchemaMigrations.migrateModule(dataSource, module, extraLocations)
                + SchemaMigrations.migrateMetering(dataSource);
        List<String> created = createTopics();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("module", module);
        result.put("migrations", migrations);
        result.put("topicsCreated", created);
        return result;
    }

    /** The module's topics that did not exist yet, created now. */
    List<String> createTopics() {
        Set<String> keys = new TreeSet<>();
        for (FunctionManifest.FunctionSpec function : manifest.functionsOf(module)) {
            keys.addAll(function.consumes());
            keys.addAll(function.produces());
        }
        try (Admin admin = Admin.create(kafkaAdmin)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = keys.stream()
                    .map(key -> manifest.topics().get(key))
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(topic.name(), topic.partitions(), (short) -1))
                    .toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get();
                } catch (ExecutionException e) {
                    // Another module's migration may have created a shared topic in between: that is done, too.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException("creating the module's topics failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the module's topics", e);
        }
    }
}
