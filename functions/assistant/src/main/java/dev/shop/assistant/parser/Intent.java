package dev.shop.assistant.parser;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One step of a shopper's request, in the API's shape: only the fields its action uses are set. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Intent(Action action, String sku, Integer quantity, String query) {

    public enum Action {
        ADD_TO_CART, REMOVE_FROM_CART, SET_QUANTITY, VIEW_CART, CLEAR_CART, CHECKOUT, SEARCH, ORDER_STATUS
    }

    public static Intent add(String sku, int quantity) {
        return new Intent(Action.ADD_TO_CART, sku, quantity, null);
    }

    public static Intent remove(String sku) {
        return new Intent(Action.REMOVE_FROM_CART, sku, null, null);
    }

    public static Intent set(String sku, int quantity) {
        return new Intent(Action.SET_QUANTITY, sku, quantity, null);
    }

    public static Intent search(String query) {
        return new Intent(Action.SEARCH, null, null, query);
    }

    public static Intent of(Action action) {
        return new Intent(action, null, null, null);
    }
}
