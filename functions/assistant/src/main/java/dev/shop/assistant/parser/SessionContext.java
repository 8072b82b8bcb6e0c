package dev.shop.assistant.parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the assistant remembers of a conversation: the cart as its plans left it, the products last talked
 * about (what "it", "that", "the red one" refer to), the last search results, and an open question.
 * Plain mutable bean: stored as JSON in Redis between requests.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class SessionContext {

    /** A request that waits for an answer to the assistant's question. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pending(String action, Integer quantity, boolean quantityGiven, List<String> words,
                          List<String> candidates, List<Intent> before, boolean checkoutAfter, String swapOut) {
    }

    public Map<String, Integer> cart = new LinkedHashMap<>();
    public List<String> lastSkus = new ArrayList<>();
    public List<String> lastResults = new ArrayList<>();
    public boolean lastWasSearch;
    public Pending pending;

    public void apply(Intent intent) {
        switch (intent.action()) {
            case ADD_TO_CART -> cart.merge(intent.sku(), intent.quantity(), Integer::sum);
            case REMOVE_FROM_CART -> cart.remove(intent.sku());
            case SET_QUANTITY -> {
                if (intent.quantity() <= 0) {
                    cart.remove(intent.sku());
                } else {
                    cart.put(intent.sku(), intent.quantity());
                }
            }
            case CLEAR_CART -> cart.clear();
            default -> {
                // no change to the cart
            }
        }
    }
}
