package dev.shop.runtime.db;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Every module owns one Postgres schema and migrates it with Flyway: the shared runtime tables (outbox,
 * processed events) from {@code db/runtime}, then the module's own from {@code db/<schema>}. Metering has
 * its own schema, migrated by every module (Flyway's lock makes that safe).
 */
public final class SchemaMigrations {

    private SchemaMigrations() {
    }

    public static int migrateModule(DataSource dataSource, String schema) {
        return migrateModule(dataSource, schema, List.of());
    }

    /** As above, plus the migrations of libraries the module embeds (e.g. the workflow engine's); returns how many ran. */
    public static int migrateModule(DataSource dataSource, String schema, List<String> extraLocations) {
        List<String> locations = new ArrayList<>(List.of("classpath:db/runtime", "classpath:db/" + schema));
        locations.addAll(extraLocations);
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .locations(locations.toArray(String[]::new))
                .load()
                .migrate()
                .migrationsExecuted;
    }

    public static int migrateMetering(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas("metering")
                .defaultSchema("metering")
                .locations("classpath:db/metering")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
