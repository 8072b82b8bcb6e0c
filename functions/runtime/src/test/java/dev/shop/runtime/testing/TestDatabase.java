package dev.shop.runtime.testing;

import com.zaxxer.hikari.HikariDataSource;
import dev.shop.local.servers.ServerEndpoints;
import dev.shop.local.servers.SharedServers;
import dev.shop.runtime.db.SchemaMigrations;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * A fresh database on the JVM's shared real Postgres, with a small pool whose connections use the module's
 * schema (as {@code spring.datasource.hikari.schema} does in a function module).
 */
public final class TestDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final String schema;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private TestDatabase(String schema) {
        ServerEndpoints servers = SharedServers.get().endpoints();
        this.url = SharedServers.newDatabase("runtime_" + schema);
        this.user = servers.dbUser();
        this.password = servers.dbPassword();
        this.schema = schema;
        this.dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setSchema(schema);
        dataSource.setMaximumPoolSize(6);
        dataSource.setMinimumIdle(0);
        dataSource.setPoolName("test-" + schema);
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }

    /** A database with the module's runtime tables (outbox, processed events) and metering migrated. */
    public static TestDatabase migrated(String schema) {
        TestDatabase database = new TestDatabase(schema);
        database.migrateModule();
        database.migrateMetering();
        return database;
    }

    /** An empty database: nothing migrated yet. */
    public static TestDatabase empty(String schema) {
        return new TestDatabase(schema);
    }

    public void migrateModule() {
        SchemaMigrations.migrateModule(dataSource, schema);
    }

    public void migrateMetering() {
        SchemaMigrations.migrateMetering(dataSource);
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
