package dev.shop.order.domain;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import dev.shop.events.CreateOrder;
import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.order.OrderCommands;
import dev.shop.order.OrderOnRealServers;
import dev.shop.testing.Concurrently;
import dev.shop.testing.OutboxReplies;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.Message;

import static dev.shop.order.OrderCommands.anOrder;
import static dev.shop.testing.Deliveries.deliver;
import static dev.shop.testing.OutboxReplies.failed;
import static dev.shop.testing.OutboxReplies.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** createOrder records a checkout's order once and answers every command, however often it arrives. */
@OrderOnRealServers
class CreateOrderTest {

    @Autowired
    Consumer<Message<byte[]>> createOrder;
    @Autowired
    Orders orders;
    @Autowired
    Jdbi jdbi;
    @Autowired
    EventCodec codec;

    OutboxReplies replies;

    @BeforeEach
    void replies() {
        replies = new OutboxReplies(jdbi, codec);
    }

    @Test
    void createsOrderOncePerCheckout() {
        OrderCommands order = anOrder();
        EventEnvelope<CreateOrder> first = order.envelope();
        EventEnvelope<CreateOrder> retry = order.envelope();

        deliver(createOrder, first);
        deliver(createOrder, retry);

        List<EventEnvelope<?>> answers = replies.of(order.checkoutId());
        assertThat(answers).hasSize(2).extracting(EventEnvelope::type)
                .containsOnly(EventTypes.TASK_SUCCEEDED.name());
        assertThat(succeeded(answers.get(0)).taskToken()).isEqualTo(first.data().taskToken());
        assertThat(succeeded(answers.get(1)).taskToken()).isEqualTo(retry.data().taskToken());
        assertThat(answers).extracting(EventEnvelope::subject).containsExactly(first.subject(), retry.subject());
        assertThat(answers).extracting(EventEnvelope::source).containsOnly("/functions/order");
        String orderId = (String) succeeded(answers.get(0)).output().get("orderId");
        assertThat(orderId).matches("ord_[0-9A-Z]{26}");
        assertThat(succeeded(answers.get(1)).output()).isEqualTo(Map.of("orderId", orderId));
        assertThat(count("select count(*) from orders where checkout_id = ?", order.checkoutId())).isOne();
        assertThat(count("select count(*) from order_lines where order_id = ?", orderId)).isEqualTo(2);

        Order recorded = ((OrderLookup.Found) orders.find(orderId)).order();
        assertThat(recorded.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(recorded.totalCents()).isEqualTo(order.totalCents());
        assertThat(recorded.lines()).extracting(Order.Line::lineNo, Order.Line::sku, Order.Line::quantity)
                .containsExactly(tuple(1, "MUG-RED", 2),
                        tuple(2, "PEN-BLUE", 1));
    }

    @Test
    void createsOneOrderWhenRetriesRace() {
        OrderCommands order = anOrder();
        List<EventEnvelope<CreateOrder>> retries = IntStream.range(0, 6).mapToObj(i -> order.envelope()).toList();

        Concurrently.run(retries.stream().<Runnable>map(command -> () -> deliver(createOrder, command)).toList());

        List<EventEnvelope<?>> answers = replies.of(order.checkoutId());
        assertThat(answers).hasSize(6);
        assertThat(answers).extracting(reply -> succeeded(reply).output().get("orderId"))
                .containsOnly(succeeded(answers.getFirst()).output().get("orderId"));
        assertThat(count("select count(*) from orders where checkout_id = ?", order.checkoutId())).isOne();
    }

    @Test
    void redeliveredCommandChangesNothing() {
        OrderCommands order = anOrder();
        EventEnvelope<CreateOrder> command = order.envelope();

        deliver(createOrder, command);
        deliver(createOrder, command);

        assertThat(replies.of(order.checkoutId())).hasSize(1);
        assertThat(count("select count(*) from orders where checkout_id = ?", order.checkoutId())).isOne();
    }

    @Test
    void rejectedCustomerGetsOrderRejectedAndNothingWritten() {
        OrderCommands order = anOrder().customerId(OrderCommands.REJECTED_CUSTOMER);
        EventEnvelope<CreateOrder> command = order.envelope();

        deliver(createOrder, command);

        List<EventEnvelope<?>> answers = replies.of(order.checkoutId());
        assertThat(answers).hasSize(1);
        assertThat(answers.getFirst().type()).isEqualTo(EventTypes.TASK_FAILED.name());
        assertThat(failed(answers.getFirst()).taskToken()).isEqualTo(command.data().taskToken());
        assertThat(failed(answers.getFirst()).error()).isEqualTo("Order.Rejected");
        assertThat(failed(answers.getFirst()).cause()).isEqualTo("the order could not be recorded");
        assertThat(count("select count(*) from orders where checkout_id = ?", order.checkoutId())).isZero();
        assertThat(count("select count(*) from orders where customer_id = ?", OrderCommands.REJECTED_CUSTOMER))
                .isZero();
    }

    @Test
    void everyConfiguredCustomerIsRejected() {
        OrderCommands order = anOrder().customerId("cus-also-rejected");

        deliver(createOrder, order.envelope());

        assertThat(failed(replies.of(order.checkoutId()).getFirst()).error()).isEqualTo("Order.Rejected");
    }

    @Test
    void malformedCurrencyIsRejectedAndNothingWritten() {
        OrderCommands order = anOrder().currency("euro");

        deliver(createOrder, order.envelope());

        assertThat(failed(replies.of(order.checkoutId()).getFirst()).error()).isEqualTo("Order.Rejected");
        assertThat(count("select count(*) from orders where checkout_id = ?", order.checkoutId())).isZero();
    }

    private long count(String sql, String value) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind(0, value).mapTo(Long.class).one());
    }
}
