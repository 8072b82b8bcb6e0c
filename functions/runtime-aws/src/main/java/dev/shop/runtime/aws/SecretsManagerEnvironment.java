package dev.shop.runtime.aws;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * Reads the secrets Terraform names into the properties the module uses, at start (before a SnapStart snapshot,
 * which AWS keeps encrypted): {@code SHOP_DB_SECRET_ARN} (an RDS-style JSON secret with {@code username} and
 * {@code password}) into {@code spring.datasource.username/password}, {@code SHOP_ADMIN_TOKEN_SECRET_ARN} (the
 * token as plain text) into {@code shop.admin-token}. Without those variables, nothing is read: the local stack
 * and tests pass values directly. {@code shop.aws.secrets-manager-endpoint} overrides the endpoint (LocalStack).
 */
public class SecretsManagerEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "shop-secrets-manager";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public int getOrder() {
        // After the configuration files are read (they may name the endpoint), before the runtime's defaults.
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dbSecret = environment.getProperty("SHOP_DB_SECRET_ARN");
        String adminSecret = environment.getProperty("SHOP_ADMIN_TOKEN_SECRET_ARN");
        if (blank(dbSecret) && blank(adminSecret)) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        try (SecretsManagerClient secrets = client(environment)) {
            if (!blank(dbSecret)) {
                JsonNode credentials = JSON.readTree(secret(secrets, dbSecret));
                properties.put("spring.datasource.username", credentials.path("username").asText());
                properties.put("spring.datasource.password", credentials.path("password").asText());
            }
            if (!blank(adminSecret)) {
                properties.put("shop.admin-token", secret(secrets, adminSecret).trim());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the database secret is not a JSON object with username and password", e);
        }
        // The secret's value wins over any value a configuration file names.
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, properties));
    }

    private static String secret(SecretsManagerClient secrets, String arn) {
        return secrets.getSecretValue(GetSecretValueRequest.builder().secretId(arn).build()).secretString();
    }

    private static SecretsManagerClient client(ConfigurableEnvironment environment) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        String region = environment.getProperty("AWS_REGION");
        if (!blank(region)) {
            builder.region(Region.of(region));
        }
        String endpoint = environment.getProperty("shop.aws.secrets-manager-endpoint");
        if (!blank(endpoint)) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
