package dev.shop.workflow;

import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import dev.shop.local.servers.ServerEndpoints;
import dev.shop.local.servers.SharedServers;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkflowMigrationsTest {

    @Test
    void theWorkflowTablesSitBesideAModulesOwnMigrations() {
        ServerEndpoints servers = SharedServers.get().endpoints();
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(SharedServers.newDatabase("workflow_migrations"));
            dataSource.setUsername(servers.dbUser());
            dataSource.setPassword(servers.dbPassword());
            dataSource.setMaximumPoolSize(2);
            // As a deploying module would: its own db/<schema> plus the runtime's and the workflow's locations.
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .schemas("testmodule")
                    .defaultSchema("testmodule")
                    .locations("classpath:db/runtime", "classpath:db/testmodule", WorkflowMigrations.LOCATION)
                    .load();

            flyway.migrate();
            assertThat(flyway.migrate().migrationsExecuted).as("a second run has nothing to do").isZero();

            Jdbi jdbi = Jdbi.create(dataSource);
            List<String> versions = jdbi.withHandle(handle -> handle.createQuery(
                    "select version from testmodule.flyway_schema_history where success and version is not null order by installed_rank")
                    .mapTo(String.class).list());
            assertThat(versions).containsExactly("0.1", "0.2", "1", "2", "100", "101");
            List<String> tables = jdbi.withHandle(handle -> handle.createQuery("""
                    select table_name from information_schema.tables
                     where table_schema = 'testmodule' and table_name <> 'flyway_schema_history' order by table_name""")
                    .mapTo(String.class).list());
            assertThat(tables).containsExactly("execution_history", "executions", "orders", "outbox", "processed_events");
        }
    }

    @Test
    void historyCannotBeRewritten() {
        try (WorkflowDatabase database = WorkflowDatabase.migrated("workflow_append_only")) {
            database.jdbi().useHandle(handle -> {
                handle.execute("""
                        insert into executions (id, state_machine, status, current_state, correlation_id, input,
                                                state_entered_at, started_at, updated_at, version)
                        values ('x', 'm', 'RUNNING', 'S', 'c', '{}', now(), now(), now(), 1)""");
                handle.execute("""
                        insert into execution_history (execution_id, seq, type, occurred_at)
                        values ('x', 1, 'ExecutionStarted', now())""");
            });

            assertThatThrownBy(() -> database.jdbi().useHandle(handle ->
                    handle.execute("update execution_history set type = 'ExecutionFailed'")))
                    .hasMessageContaining("append-only");
        }
    }
}
