package dev.shop.catalog.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /products/{sku}}: everything about a product that an admin sets. {@code sku} may
 * repeat the path's SKU (catalog exports carry it) but must then agree with it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductDraft(
        @Size(max = 64) String sku,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @Size(max = 100) String brand,
        @NotBlank @Size(max = 100) String category,
        @Size(max = 50) String color,
        @Size(max = 20) String size,
        @NotNull @PositiveOrZero Long priceCents,
        @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code such as USD") String currency,
        @Size(max = 30) List<@NotBlank @Size(max = 50) String> tags) {

    public ProductDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
        currency = currency == null ? "USD" : currency;
    }
}
