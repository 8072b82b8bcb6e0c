package dev.shop.order;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the order functions ({@code shop.order.*}).
 *
 * @param rejectCustomers failure injection for tests and drills: CreateOrder for these customer ids is
 *                        answered {@code Order.Rejected} and nothing is recorded (default: none)
 */
@ConfigurationProperties("shop.order")
public record OrderSettings(List<String> rejectCustomers) {

    public OrderSettings {
        rejectCustomers = rejectCustomers == null ? List.of()
                : rejectCustomers.stream().map(String::trim).filter(id -> !id.isEmpty()).toList();
    }
}
