package dev.shop.runtime.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The secrets Terraform names, read with the real AWS SDK client from an endpoint that answers Secrets Manager's
 * own JSON protocol ({@code X-Amz-Target: secretsmanager.GetSecretValue}), as LocalStack's would.
 */
class SecretsManagerEnvironmentTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DB_SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop-dev-db-Ab12Cd";
    static final String ADMIN_SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop-dev-admin-Ef34Gh";

    HttpServer secretsManager;
    final List<String> asked = new CopyOnWriteArrayList<>();
    final Map<String, String> secrets = Map.of(
            DB_SECRET, "{\"username\":\"shop_app\",\"password\":\"s3cr3t-from-rds\",\"engine\":\"postgres\"}",
            ADMIN_SECRET, "admin-token-from-secrets-manager\n");

    @BeforeEach
    void startEndpoint() throws IOException {
        secretsManager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        secretsManager.createContext("/", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String arn = request.path("SecretId").asText();
            asked.add(target + " " + arn);
            byte[] body = JSON.writeValueAsBytes(Map.of("ARN", arn, "Name", arn.substring(arn.lastIndexOf(':') + 1),
                    "SecretString", secrets.get(arn), "VersionId", "v1"));
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        secretsManager.start();
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterEach
    void stopEndpoint() {
        secretsManager.stop(0);
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void readsTheDatabaseCredentialsAndTheAdminTokenFromTheNamedSecrets() {
        StandardEnvironment environment = environment(Map.of("SHOP_DB_SECRET_ARN", DB_SECRET,
                "SHOP_ADMIN_TOKEN_SECRET_ARN", ADMIN_SECRET, "spring.datasource.password", "from-a-file"));

        new SecretsManagerEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("shop_app");
        assertThat(environment.getProperty("spring.datasource.password")).as("the secret wins")
                .isEqualTo("s3cr3t-from-rds");
        assertThat(environment.getProperty("shop.admin-token")).isEqualTo("admin-token-from-secrets-manager");
        assertThat(asked).containsExactly("secretsmanager.GetSecretValue " + DB_SECRET,
                "secretsmanager.GetSecretValue " + ADMIN_SECRET);
    }

    @Test
    void readsNothingWhereNoSecretIsNamed() {
        StandardEnvironment environment = environment(Map.of("spring.datasource.password", "local"));

        new SecretsManagerEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("local");
        assertThat(asked).isEmpty();
    }

    private StandardEnvironment environment(Map<String, Object> values) {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> all = new java.util.HashMap<>(values);
        all.put("AWS_REGION", "eu-west-1");
        all.put("shop.aws.secrets-manager-endpoint", "http://127.0.0.1:" + secretsManager.getAddress().getPort());
        environment.getPropertySources().addLast(new MapPropertySource("test", all));
        return environment;
    }
}
