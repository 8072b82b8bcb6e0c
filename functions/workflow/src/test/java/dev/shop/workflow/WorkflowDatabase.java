package dev.shop.workflow;

import com.zaxxer.hikari.HikariDataSource;
import dev.shop.local.servers.ServerEndpoints;
import dev.shop.local.servers.SharedServers;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * A fresh database on the JVM's shared real Postgres with the workflow tables migrated into a module-like schema,
 * and a small pool whose connections use that schema (as a deploying module's pool does).
 */
final class WorkflowDatabase implements AutoCloseable {

    static final String SCHEMA = "checkout";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private WorkflowDatabase(String prefix) {
        ServerEndpoints servers = SharedServers.get().endpoints();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(SharedServers.newDatabase(prefix));
        dataSource.setUsername(servers.dbUser());
        dataSource.setPassword(servers.dbPassword());
        dataSource.setSchema(SCHEMA);
        dataSource.setMaximumPoolSize(10);
        dataSource.setMinimumIdle(0);
        dataSource.setPoolName("test-" + prefix);
        jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }

    static WorkflowDatabase migrated(String prefix) {
        WorkflowDatabase database = new WorkflowDatabase(prefix);
        WorkflowMigrations.migrate(database.dataSource, SCHEMA);
        return database;
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    long count(String sql, Object... arguments) {
        return jdbi.withHandle(handle -> {
            var query = handle.createQuery(sql);
            for (int i = 0; i < arguments.length; i++) {
                query.bind(i, arguments[i]);
            }
            return query.mapTo(Long.class).one();
        });
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
