package dev.shop.local.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void systemPropertiesWinOverEnvironment() {
        Properties properties = new Properties();
        properties.setProperty("shop.db.url", "jdbc:postgresql://from-property:5432/shop");
        Map<String, String> environment = Map.of(
                "SHOP_DB_URL", "jdbc:postgresql://from-env:5432/shop",
                "SHOP_DB_USER", "shop",
                "SHOP_REDIS_URL", "redis://from-env:6379");

        ServerSettings settings = ServerSettings.from(environment, properties);

        assertThat(settings.dbUrl()).isEqualTo("jdbc:postgresql://from-property:5432/shop");
        assertThat(settings.dbUser()).isEqualTo("shop");
        assertThat(settings.redisUrl()).isEqualTo("redis://from-env:6379");
        assertThat(settings.kafkaConfigured()).isFalse();
    }

    @Test
    void unsetOrBlankMeansEmbedded() {
        Properties properties = new Properties();
        properties.setProperty("shop.kafka.bootstrap", "  ");

        ServerSettings settings = ServerSettings.from(Map.of(), properties);

        assertThat(settings).isEqualTo(ServerSettings.embedded());
        assertThat(settings.postgresConfigured()).isFalse();
        assertThat(settings.redisConfigured()).isFalse();
        assertThat(settings.kafkaConfigured()).isFalse();
    }

    @Test
    void rejectsUrlsOfTheWrongKindNamingTheVariable() {
        assertThatThrownBy(() -> new ServerSettings("postgres://h/db", null, null, null, null))
                .hasMessageContaining("SHOP_DB_URL");
        assertThatThrownBy(() -> new ServerSettings(null, null, null, "h:6379", null))
                .hasMessageContaining("SHOP_REDIS_URL");
        assertThatThrownBy(() -> new ServerSettings(null, null, null, null, "broker"))
                .hasMessageContaining("SHOP_KAFKA_BOOTSTRAP");
    }

    @Test
    void keepsPasswordsOutOfPrintedUrls() {
        assertThat(Secrets.mask("jdbc:postgresql://h:5432/db?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=***&ssl=true");
        assertThat(Secrets.mask("redis://default:s3cret@h:6379")).isEqualTo("redis://default:***@h:6379");
        assertThat(new ServerSettings(null, "u", "s3cret", "redis://:s3cret@h:6379", null).toString())
                .doesNotContain("s3cret");
    }

    @Test
    void pointsAJdbcUrlAtAnotherDatabase() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h:5432/postgres", "orders"))
                .isEqualTo("jdbc:postgresql://h:5432/orders");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://a:1,b:2/admin?ssl=true&user=u", "orders"))
                .isEqualTo("jdbc:postgresql://a:1,b:2/orders?ssl=true&user=u");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h:5432?user=u", "orders"))
                .isEqualTo("jdbc:postgresql://h:5432/orders?user=u");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql:admin", "orders")).isEqualTo("jdbc:postgresql:orders");
    }

    @Test
    void makesValidUniqueDatabaseNamesFromAnyPrefix() {
        String valid = "[a-z][a-z0-9_]{0,62}";

        assertThat(SharedServers.uniqueDatabaseName("Catalog-Tests")).startsWith("catalog_tests_").matches(valid);
        assertThat(SharedServers.uniqueDatabaseName("1st")).startsWith("db_1st_").matches(valid);
        assertThat(SharedServers.uniqueDatabaseName("x".repeat(100))).matches(valid);
        assertThat(SharedServers.uniqueDatabaseName("cart")).isNotEqualTo(SharedServers.uniqueDatabaseName("cart"));
    }
}
