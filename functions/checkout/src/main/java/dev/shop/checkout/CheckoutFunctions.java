package dev.shop.checkout;

import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.checkout.domain.CheckoutStart;
import dev.shop.checkout.domain.Checkouts;
import dev.shop.checkout.domain.OutboxTaskDispatcher;
import dev.shop.checkout.domain.GetCheckout;
import dev.shop.checkout.domain.StartCheckout;
import dev.shop.checkout.http.CheckoutHttp;
import dev.shop.events.EventTypes;
import dev.shop.runtime.crac.CracResources;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.invocation.EventFunction;
import dev.shop.runtime.invocation.ScheduledFunction;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.outbox.Outbox;
import dev.shop.workflow.ExecutionNotifications;
import dev.shop.workflow.ExecutionView;
import dev.shop.workflow.WorkflowEngine;
import dev.shop.workflow.definition.StateMachine;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;



/** The checkout's function beans: the saga's entry, its reply consumer, its sweeper, and its HTTP face. */
@Configuration(proxyBeanMethods = false)
public class CheckoutFunctions {

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
    public Function<GetCheckout, Optional<ExecutionView>> getCheckout(Checkouts checkouts) {
        return checkouts::describe;
    }

    /** Participants' replies move the saga on; redeliveries and stale tokens change nothing. */
    @Bean
    public EventFunction advanceCheckout(WorkflowEngine checkoutSaga, ObjectMapper mapper) {
        // The engine records each reply's id in its own step transaction, retried when it loses a race.
        return EventFunction.on(EventTypes.TASK_SUCCEEDED, event -> checkoutSaga.onTaskSucceeded(event.id(),
                        event.data().taskToken(), mapper.valueToTree(event.data().output())))
                .and(EventTypes.TASK_FAILED, event -> checkoutSaga.onTaskFailed(event.id(), event.data().taskToken(),
                        event.data().error(), event.data().cause()));
    }

    /** Task timeouts and due retries; a schedule invokes it in the cloud, the runtime's timer locally. */
    @Bean
    public ScheduledFunction sweepCheckouts(WorkflowEngine checkoutSaga) {
        return ScheduledFunction.of(checkoutSaga::sweep);
    }

    @Bean
    CheckoutHttp checkoutHttp(ObjectMapper mapper, JsonBodies bodies, Function<StartCheckout, CheckoutStart> startCheckout,
                              Function<GetCheckout, Optional<ExecutionView>> getCheckout) {
        return new CheckoutHttp(mapper, bodies, startCheckout, getCheckout);
    }
}
