package dev.shop.cart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The cart functions: addToCart, getCart, setCartItemQuantity, removeCartItem, deleteCart, syncCartPrices. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CartApplication {

    public static void main(String[] args) {
        SpringApplication.run(CartApplication.class, args);
    }
}
