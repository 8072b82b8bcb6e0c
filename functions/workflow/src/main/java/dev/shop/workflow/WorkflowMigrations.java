package dev.shop.workflow;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The engine's tables ({@code executions}, {@code execution_history}) live in the deploying module's schema. A
 * module adds {@value #LOCATION} to its Flyway locations next to {@code db/runtime} and {@code db/<schema>}; the
 * workflow's versions start at 100, so the module's own stay below that.
 */
public final class WorkflowMigrations {

    public static final String LOCATION = "classpath:db/workflow";

    private WorkflowMigrations() {
    }

    /** Migrates {@code schema} with the runtime tables (outbox, processed events) and the workflow tables. */
    public static void migrate(DataSource dataSource, String schema) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .locations("classpath:db/runtime", LOCATION)
                .load()
                .migrate();
    }
}
