package dev.shop.order;

import java.util.function.Consumer;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.events.CreateOrder;
import dev.shop.events.EventTypes;
import dev.shop.order.domain.OrderBook;
import dev.shop.order.domain.OrderLookup;
import dev.shop.order.domain.OrderPage;
import dev.shop.order.domain.OrderSearch;
import dev.shop.order.http.OrderHttp;
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

/** The order's function beans: the business rules, and the thin Kafka and HTTP faces around them. */
@Configuration(proxyBeanMethods = false)
public class OrderFunctions {

    @Bean
    OrderBook orderBook(Jdbi jdbi, Outbox outbox, FunctionManifest manifest, OrderSettings settings) {
        return new OrderBook(jdbi, outbox, manifest.topicName(EventTypes.TASK_RESULTS_TOPIC),
                settings.rejectCustomers());
    }

    /** Records a paid checkout's order at most once and answers the workflow's task token. */
    @Bean
    public Consumer<Message<byte[]>> createOrder(EventConsumers consumers, OrderBook orders) {
        return consumers.consumer(OrderBook.CREATE_ORDER, event -> {
            if (!(event.data() instanceof CreateOrder command)) {
                // A command topic carries one command type; anything else goes to the dead-letter topic.
                throw new EventConsumers.PoisonEventException(OrderBook.CREATE_ORDER + ": unexpected event type "
                        + event.type() + " (id " + event.id() + ")", null);
            }
            orders.create(event.id(), event.subject(), command);
        });
    }

    @Bean
    public Function<String, OrderLookup> getOrder(OrderBook orders) {
        return orders::find;
    }

    @Bean
    public Function<OrderSearch, OrderPage> listOrders(OrderBook orders) {
        return orders::list;
    }

    @Bean
    HttpApi orderHttpApi(FunctionManifest manifest, ShopProperties shop, InvocationMeter meter, ObjectMapper mapper,
                         Function<String, OrderLookup> getOrder, Function<OrderSearch, OrderPage> listOrders) {
        OrderHttp http = new OrderHttp(mapper, getOrder, listOrders);
        return RuntimeAutoConfiguration.httpApi(manifest, shop, http.operations(), meter, mapper);
    }

    /** The HTTP entry point on Lambda (API Gateway payload 2.0) and in the local gateway. */
    @Bean
    public Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> orderApi(HttpApi orderHttpApi) {
        return new ApiGatewayHttpFunction(orderHttpApi);
    }
}
