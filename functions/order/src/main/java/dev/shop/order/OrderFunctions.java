package dev.shop.order;

import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.events.EventTypes;
import dev.shop.order.domain.OrderLookup;
import dev.shop.order.domain.OrderPage;
import dev.shop.order.domain.OrderSearch;
import dev.shop.order.domain.Orders;
import dev.shop.order.http.OrderHttp;
import dev.shop.runtime.invocation.EventFunction;
import dev.shop.runtime.saga.TaskReplies;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order's function beans: its rules, one bean per manifest function, and its HTTP face. */
@Configuration(proxyBeanMethods = false)
public class OrderFunctions {

    @Bean
    Orders orders(Jdbi jdbi, TaskReplies replies, OrderSettings settings) {
        return new Orders(jdbi, replies, settings.rejectCustomers());
    }

    /** Records a paid checkout's order at most once and answers the workflow's task token. */
    @Bean
    public EventFunction createOrder(Orders orders) {
        return EventFunction.inTransaction(EventTypes.CREATE_ORDER, orders::create);
    }

    @Bean
    public Function<String, OrderLookup> getOrder(Orders orders) {
        return orders::find;
    }

    @Bean
    public Function<OrderSearch, OrderPage> listOrders(Orders orders) {
        return orders::list;
    }

    @Bean
    OrderHttp orderHttp(ObjectMapper mapper, Function<String, OrderLookup> getOrder,
                        Function<OrderSearch, OrderPage> listOrders) {
        return new OrderHttp(mapper, getOrder, listOrders);
    }
}
