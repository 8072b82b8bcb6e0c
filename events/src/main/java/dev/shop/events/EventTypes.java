package dev.shop.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registry of every event contract. Adding a type is one {@code register(...)} line plus its
 * record; the schema tests then demand its schema, released copy and a fixture.
 */
public final class EventTypes {

    /** Logical topic for catalog changes; {@code functions/functions.json} maps it to a real topic. */
    public static final String PRODUCT_EVENTS_TOPIC = "product-events";
    public static final String CART_EVENTS_TOPIC = "cart-events";
    // One topic per command, so each consumer function owns exactly one topic (one Stream binding
    // locally, one event source mapping on Lambda) and is metered as itself.
    public static final String RESERVE_INVENTORY_TOPIC = "reserve-inventory";
    public static final String RELEASE_INVENTORY_TOPIC = "release-inventory";
    public static final String COMMIT_INVENTORY_TOPIC = "commit-inventory";
    public static final String PROCESS_PAYMENT_TOPIC = "process-payment";
    public static final String REFUND_PAYMENT_TOPIC = "refund-payment";
    public static final String CREATE_ORDER_TOPIC = "create-order";
    public static final String FREEZE_CART_TOPIC = "freeze-cart";
    public static final String RELEASE_CART_TOPIC = "release-cart";
    public static final String CLEAR_CART_TOPIC = "clear-cart";
    public static final String TASK_RESULTS_TOPIC = "task-results";
    /** What the assistant's executePlan did with each plan, for notifying the shopper. */
    public static final String ASSISTANT_NOTIFICATIONS_TOPIC = "assistant-notifications";

    // Declared before the constants: static initialisers run in source order.
    private static final Map<String, EventType<?>> BY_NAME = new LinkedHashMap<>();

    public static final EventType<ProductChanged> PRODUCT_CHANGED =
            register("shop.product.changed.v1", ProductChanged.class, PRODUCT_EVENTS_TOPIC);
    public static final EventType<ProductDeleted> PRODUCT_DELETED =
            register("shop.product.deleted.v1", ProductDeleted.class, PRODUCT_EVENTS_TOPIC);
    public static final EventType<CartChanged> CART_CHANGED =
            register("shop.cart.changed.v1", CartChanged.class, CART_EVENTS_TOPIC);

    // Checkout saga: commands carry a task token, replies return it (Step Functions' callback pattern).
    public static final EventType<ReserveInventory> RESERVE_INVENTORY =
            register("shop.inventory.reserve.v1", ReserveInventory.class, RESERVE_INVENTORY_TOPIC);
    public static final EventType<ReleaseInventory> RELEASE_INVENTORY =
            register("shop.inventory.release.v1", ReleaseInventory.class, RELEASE_INVENTORY_TOPIC);
    public static final EventType<CommitInventory> COMMIT_INVENTORY =
            register("shop.inventory.commit.v1", CommitInventory.class, COMMIT_INVENTORY_TOPIC);
    public static final EventType<ProcessPayment> PROCESS_PAYMENT =
            register("shop.payment.process.v1", ProcessPayment.class, PROCESS_PAYMENT_TOPIC);
    public static final EventType<RefundPayment> REFUND_PAYMENT =
            register("shop.payment.refund.v1", RefundPayment.class, REFUND_PAYMENT_TOPIC);
    public static final EventType<CreateOrder> CREATE_ORDER =
            register("shop.order.create.v1", CreateOrder.class, CREATE_ORDER_TOPIC);
    public static final EventType<FreezeCart> FREEZE_CART =
            register("shop.cart.freeze.v1", FreezeCart.class, FREEZE_CART_TOPIC);
    public static final EventType<ReleaseCart> RELEASE_CART =
            register("shop.cart.release.v1", ReleaseCart.class, RELEASE_CART_TOPIC);
    public static final EventType<ClearCart> CLEAR_CART =
            register("shop.cart.clear.v1", ClearCart.class, CLEAR_CART_TOPIC);
    public static final EventType<TaskSucceeded> TASK_SUCCEEDED =
            register("shop.task.succeeded.v1", TaskSucceeded.class, TASK_RESULTS_TOPIC);
    public static final EventType<TaskFailed> TASK_FAILED =
            register("shop.task.failed.v1", TaskFailed.class, TASK_RESULTS_TOPIC);
    public static final EventType<PlanFinished> PLAN_FINISHED =
            register("shop.assistant.plan-finished.v1", PlanFinished.class, ASSISTANT_NOTIFICATIONS_TOPIC);

    private EventTypes() {
    }

    /** Every registered type, in declaration order. */
    public static List<EventType<?>> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The type with this versioned name, e.g. {@code shop.product.changed.v1}. */
    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(name).map(BY_NAME::get);
    }

    private static <T> EventType<T> register(String name, Class<T> dataClass, String topic) {
        EventType<T> type = new EventType<>(name, dataClass, topic);
        if (BY_NAME.putIfAbsent(name, type) != null) {
            throw new IllegalStateException("event type registered twice: " + name);
        }
        return type;
    }
}
