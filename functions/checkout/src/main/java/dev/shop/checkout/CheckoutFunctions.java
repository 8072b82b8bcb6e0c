package dev.shop.checkout;

import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.checkout.domain.CheckoutRequest;
import dev.shop.checkout.domain.CheckoutStart;
import dev.shop.checkout.domain.Checkouts;
import dev.shop.checkout.domain.OutboxTaskDispatcher;
import dev.shop.checkout.http.CheckoutHttp;
import dev.shop.events.TaskFailed;
import dev.shop.events.TaskSucceeded;
import dev.shop.runtime.aws.ApiGatewayHttpFunction;
import dev.shop.runtime.config.RuntimeAutoConfiguration;
import dev.shop.runtime.config.ShopProperties;
import dev.shop.runtime.crac.CracResources;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.kafka.EventConsumers;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.metering.InvocationMeter;
import dev.shop.runtime.metering.Outcome;
import dev.shop.runtime.metering.Trigger;
import dev.shop.runtime.outbox.Outbox;
import dev.shop.workflow.ExecutionNotifications;
import dev.shop.workflow.ExecutionView;
import dev.shop.workflow.WorkflowEngine;
import dev.shop.workflow.definition.StateMachine;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.scheduling.annotation.Scheduled;

/** The checkout's function beans: the saga's entry, its reply consumer, its sweeper and HTTP face. */
@Configuration(proxyBeanMethods = false)
public class CheckoutFunctions {

    /** The command of {@code startCheckout}. */
    public record StartCheckout(String idempotencyKey, CheckoutRequest request, String correlationId) {
    }

    @Bean
    StateMachine checkoutStateMachine() {
        return StateMachine.load("workflows/checkout.asl.json");
    }

    @Bean
    OutboxTaskDispatcher taskDispatcher(FunctionManifest manifest, Outbox outbox, ObjectMapper mapper,
                                        StateMachine checkoutStateMachine) {
        OutboxTaskDispatcher dispatcher = new OutboxTaskDispatcher(manifest, outbox, mapper);
        dispatcher.requireFunctions(checkoutStateMachine.taskFunctionNames());
        return dispatcher;
    }

    @Bean
    WorkflowEngine checkoutSaga(Jdbi jdbi, StateMachine checkoutStateMachine, OutboxTaskDispatcher dispatcher,
                                Clock clock, ObjectMapper mapper) {
        return new WorkflowEngine(jdbi, checkoutStateMachine, dispatcher, clock, mapper);
    }

    /** Wakes a POST /checkouts waiting for the cart's answer; one listening connection per instance. */
    @Bean(destroyMethod = "close")
    ExecutionNotifications checkoutSteps(DataSourceProperties dataSource, CracResources crac) {
        ExecutionNotifications notifications = new ExecutionNotifications(() -> DriverManager.getConnection(
                dataSource.determineUrl(), dataSource.determineUsername(), dataSource.determinePassword()));
        crac.add(new CracResources.CheckpointAware() {
            public String name() {
                return "checkout-step-notifications";
            }

            public void suspend() {
                notifications.close();
            }

            public void resume() {
                // the next watch listens again
            }
        });
        return notifications;
    }

    @Bean
    Checkouts checkouts(Jdbi jdbi, WorkflowEngine checkoutSaga, ExecutionNotifications checkoutSteps,
                        ObjectMapper mapper, @Value("${shop.checkout.cart-decision-wait:8s}") Duration decisionWait) {
        return new Checkouts(jdbi, checkoutSaga, checkoutSteps, mapper, decisionWait);
    }

    @Bean
    public Function<StartCheckout, CheckoutStart> startCheckout(Checkouts checkouts) {
        return command -> checkouts.start(command.idempotencyKey(), command.request(), command.correlationId());
    }

    @Bean
    public Function<String, Optional<ExecutionView>> getCheckout(Checkouts checkouts) {
        return checkouts::describe;
    }

    /** Participants' replies move the saga on; redeliveries and stale tokens change nothing. */
    @Bean
    public Consumer<Message<byte[]>> advanceCheckout(EventConsumers consumers, WorkflowEngine checkoutSaga,
                                                     ObjectMapper mapper) {
        return consumers.consumer("advanceCheckout", event -> {
            switch (event.data()) {
                case TaskSucceeded ok -> checkoutSaga.onTaskSucceeded(event.id(), ok.taskToken(),
                        mapper.valueToTree(ok.output()));
                case TaskFailed failed -> checkoutSaga.onTaskFailed(event.id(), failed.taskToken(), failed.error(),
                        failed.cause());
                default -> {
                    // other event types on the topic are not replies
                }
            }
        });
    }

    /** Task timeouts and due retries; a schedule invokes it in the cloud, {@link CheckoutSweepTimer} locally. */
    @Bean
    public Supplier<Integer> sweepCheckouts(WorkflowEngine checkoutSaga, InvocationMeter meter) {
        return () -> {
            InvocationMeter.Invocation invocation = meter.start("sweepCheckouts", Trigger.SCHEDULE, null);
            try {
                int advanced = checkoutSaga.sweep();
                invocation.end(Outcome.SUCCESS);
                return advanced;
            } catch (RuntimeException e) {
                invocation.end(Outcome.ERROR);
                throw e;
            }
        };
    }

    @Bean
    @ConditionalOnProperty(name = "shop.checkout.sweep-enabled", havingValue = "true", matchIfMissing = true)
    CheckoutSweepTimer checkoutSweepTimer(Supplier<Integer> sweepCheckouts) {
        return new CheckoutSweepTimer(sweepCheckouts);
    }

    @Bean
    HttpApi checkoutHttpApi(FunctionManifest manifest, ShopProperties shop, InvocationMeter meter, ObjectMapper mapper,
                            JsonBodies bodies, Function<StartCheckout, CheckoutStart> startCheckout,
                            Function<String, Optional<ExecutionView>> getCheckout) {
        CheckoutHttp http = new CheckoutHttp(mapper, bodies, startCheckout, getCheckout);
        return RuntimeAutoConfiguration.httpApi(manifest, shop, http.operations(), meter, mapper);
    }

    /** The HTTP entry point on Lambda (API Gateway payload 2.0) and in the local gateway. */
    @Bean
    public Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> checkoutApi(HttpApi checkoutHttpApi) {
        return new ApiGatewayHttpFunction(checkoutHttpApi);
    }

    /** The local stand-in for the cloud's schedule. */
    static final class CheckoutSweepTimer {
        private final Supplier<Integer> sweep;

        CheckoutSweepTimer(Supplier<Integer> sweep) {
            this.sweep = sweep;
        }

        @Scheduled(fixedDelayString = "${shop.checkout.sweep-interval:500ms}")
        void sweep() {
            sweep.get();
        }
    }
}
