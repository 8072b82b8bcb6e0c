package dev.shop.payment;

import java.util.function.Consumer;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.ProcessPayment;
import dev.shop.events.RefundPayment;
import dev.shop.payment.domain.LedgerReport;
import dev.shop.payment.domain.PaymentLookup;
import dev.shop.payment.domain.PaymentProcessor;
import dev.shop.payment.domain.PaymentProvider;
import dev.shop.payment.domain.SimulatedPaymentProvider;
import dev.shop.payment.http.PaymentHttp;
import dev.shop.runtime.aws.ApiGatewayHttpFunction;
import dev.shop.runtime.config.RuntimeAutoConfiguration;
import dev.shop.runtime.config.ShopProperties;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.kafka.EventConsumers;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.metering.InvocationMeter;
import dev.shop.runtime.outbox.Outbox;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The payment's function beans: the business rules, and the thin Kafka and HTTP faces around them. */
@Configuration(proxyBeanMethods = false)
public class PaymentFunctions {

    /** The simulator stands in for the provider; a real one replaces this bean and nothing else. */
    @Bean
    PaymentProvider paymentProvider(PaymentSettings settings) {
        return new SimulatedPaymentProvider(settings.simulatedFailureRate(), settings.simulatedFailureSeed());
    }

    @Bean
    PaymentProcessor paymentProcessor(Jdbi jdbi, Outbox outbox, FunctionManifest manifest, PaymentProvider provider) {
        return new PaymentProcessor(jdbi, outbox, manifest.topicName(EventTypes.TASK_RESULTS_TOPIC), provider);
    }

    @Bean
    LedgerReport ledgerReport(Jdbi jdbi) {
        return new LedgerReport(jdbi);
    }

    /** Charges a checkout at most once and answers the workflow's task token. */
    @Bean
    public Consumer<Message<byte[]>> processPayment(EventConsumers consumers, PaymentProcessor payments) {
        return consumers.consumer(PaymentProcessor.PROCESS_PAYMENT, event -> {
            if (!(event.data() instanceof ProcessPayment command)) {
                throw unexpected(PaymentProcessor.PROCESS_PAYMENT, event);
            }
            payments.process(event.id(), event.subject(), command);
        });
    }

    /** Compensation: refunds a checkout's capture, or cancels a checkout not yet charged. */
    @Bean
    public Consumer<Message<byte[]>> refundPayment(EventConsumers consumers, PaymentProcessor payments) {
        return consumers.consumer(PaymentProcessor.REFUND_PAYMENT, event -> {
            if (!(event.data() instanceof RefundPayment command)) {
                throw unexpected(PaymentProcessor.REFUND_PAYMENT, event);
            }
            payments.refund(event.id(), event.subject(), command);
        });
    }

    @Bean
    public Function<String, PaymentLookup> getPayment(PaymentProcessor payments) {
        return payments::find;
    }

    @Bean
    HttpApi paymentHttpApi(FunctionManifest manifest, ShopProperties shop, InvocationMeter meter, ObjectMapper mapper,
                           Function<String, PaymentLookup> getPayment) {
        PaymentHttp http = new PaymentHttp(mapper, getPayment);
        return RuntimeAutoConfiguration.httpApi(manifest, shop, http.operations(), meter, mapper);
    }

    /** The HTTP entry point on Lambda (API Gateway payload 2.0) and in the local gateway. */
    @Bean
    public Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> paymentApi(HttpApi paymentHttpApi) {
        return new ApiGatewayHttpFunction(paymentHttpApi);
    }

    /** A command topic carries one command type; anything else goes to the dead-letter topic. */
    private static EventConsumers.PoisonEventException unexpected(String function, EventEnvelope<?> event) {
        return new EventConsumers.PoisonEventException(
                function + ": unexpected event type " + event.type() + " (id " + event.id() + ")", null);
    }
}
