package dev.shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.catalog.domain.ProductDraft;
import dev.shop.events.Skus;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoCatalogTest {

    private static ValidatorFactory validators;
    private static Validator validator;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void validator() {
        validators = Validation.buildDefaultValidatorFactory();
        validator = validators.getValidator();
    }

    @AfterAll
    static void close() {
        validators.close();
    }

    @Test
    void hasAtLeast200ProductsInAtLeast8Categories() {
        List<DemoProduct> products = DemoCatalog.products();

        assertThat(products).hasSizeGreaterThanOrEqualTo(200);
        assertThat(products.stream().map(DemoProduct::category).distinct()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(products.stream().map(DemoProduct::brand).distinct()).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void skusAreUniqueReadableAndValidForTheCatalog() {
        List<String> skus = DemoCatalog.products().stream().map(DemoProduct::sku).toList();

        assertThat(skus).doesNotHaveDuplicates();
        assertThat(skus).allSatisfy(sku -> {
            assertThat(sku).matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
            assertThat(Skus.valid(sku)).isTrue();
        });
        assertThat(skus).contains("KIT-MUG-RED", "APP-TEE-BLU-M", "FTW-RUN-BLK-42", "BOK-RIVERS-PB");
    }

    @Test
    void isTheSameOnEveryCall() {
        assertThat(DemoCatalog.products()).isEqualTo(DemoCatalog.products());
        // Not only the cached list: a second generation gives equal products (same seed, same order).
        assertThat(DemoCatalog.products().getFirst())
                .isEqualTo(new DemoProduct("KIT-MUG-RED", "Hearth Ceramic Mug — Red",
                        DemoCatalog.products().getFirst().description(), "Hearth", "kitchen", "Red", null, 1499, "USD",
                        DemoCatalog.products().getFirst().tags(), DemoCatalog.products().getFirst().stock()));
        assertThat(DemoCatalog.products().getFirst().stock()).isPositive();
    }

    @Test
    void everyProductPassesTheCatalogsValidation() {
        for (DemoProduct product : DemoCatalog.products()) {
            // The same JSON the seeder sends, read as the catalog reads it.
            ProductDraft draft = mapper.convertValue(product.body(), ProductDraft.class);
            Set<ConstraintViolation<ProductDraft>> violations = validator.validate(draft);

            assertThat(violations).as(product.sku()).isEmpty();
            assertThat(draft.name()).isNotBlank();
            assertThat(draft.category()).isNotBlank();
            assertThat(draft.priceCents()).isNotNegative();
            assertThat(draft.currency()).isEqualTo("USD");
            assertThat(product.body()).doesNotContainKey("stock");
        }
    }

    @Test
    void sizesAndColorsWhereTheyApply() {
        Map<String, List<DemoProduct>> byCategory = DemoCatalog.products().stream()
                .collect(Collectors.groupingBy(DemoProduct::category));

        assertThat(byCategory.get("apparel")).allSatisfy(p -> assertThat(p.size()).isIn("S", "M", "L", "XL"));
        assertThat(byCategory.get("footwear")).allSatisfy(p ->
                assertThat(Integer.parseInt(p.size())).isBetween(38, 46));
        assertThat(byCategory.get("books")).allSatisfy(p -> {
            assertThat(p.size()).isNull();
            assertThat(p.color()).isNull();
        });
        assertThat(DemoCatalog.products()).filteredOn(p -> p.color() != null).hasSizeGreaterThan(100);
        Map<String, DemoProduct> bySku = DemoCatalog.products().stream()
                .collect(Collectors.toMap(DemoProduct::sku, Function.identity()));
        assertThat(bySku.get("APP-TEE-BLU-M").name()).isEqualTo("Northwind Organic Cotton Tee — Blue, M");
        assertThat(bySku.get("FTW-RUN-BLK-42").name()).isEqualTo("Stride Road Running Shoe — Black, EU 42");
    }

    @Test
    void stockIsMostly5To200WithSomeSoldOut() {
        List<Integer> stock = DemoCatalog.products().stream().map(DemoProduct::stock).toList();

        assertThat(stock).allSatisfy(units -> assertThat(units == 0 || (units >= 5 && units <= 200)).isTrue());
        long soldOut = stock.stream().filter(units -> units == 0).count();
        assertThat(soldOut).isPositive().isLessThan(stock.size() / 5);
    }
}
