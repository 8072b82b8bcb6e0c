package dev.shop.runtime.kafka;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The settings of the module's own Kafka clients (the outbox relay's producer, the migration's admin client), with
 * the authentication the platform asks for: none on the local stack and Knative's cluster, IAM on MSK
 * ({@code shop.kafka.auth=aws-msk-iam}, which needs {@code software.amazon.msk:aws-msk-iam-auth} on the classpath,
 * as the Lambda artifacts have it).
 */
public final class KafkaClients {

    public static final String MSK_IAM = "aws-msk-iam";

    private KafkaClients() {
    }

    /** The relay's producer: acknowledged by all replicas, idempotent, sent at once, failing fast when Kafka is down. */
    public static Properties producer(String bootstrap, String auth, String clientId) {
        Properties config = common(bootstrap, auth);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // Fail a batch within seconds when Kafka is down; the rows stay and are retried.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 6_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    public static Properties admin(String bootstrap, String auth, Duration timeout) {
        Properties config = common(bootstrap, auth);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 15_000));
        return config;
    }

    /** @param auth {@code none}, or {@value #MSK_IAM} */
    private static Properties common(String bootstrap, String auth) {
        Properties config = new Properties();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        switch (auth) {
            case "none" -> {
                // plaintext, as the local stack's and a Knative cluster's brokers speak
            }
            case MSK_IAM -> {
                config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
                config.put("sasl.mechanism", "AWS_MSK_IAM");
                config.put("sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;");
                config.put("sasl.client.callback.handler.class",
                        "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
            }
            default -> throw new IllegalArgumentException("shop.kafka.auth must be none or " + MSK_IAM + ", got "
                    + auth);
        }
        return config;
    }
}
