package dev.shop.runtime.manifest;

import dev.shop.runtime.testing.TestManifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionManifestTest {

    @Test
    void loadsTheRealManifestFromTheClasspath() {
        FunctionManifest manifest = FunctionManifest.load();

        assertThat(manifest.modules()).containsKeys("catalog", "cart");
        assertThat(manifest.module("catalog").httpHandler()).isEqualTo("catalogApi");
        assertThat(manifest.topicName("product-events")).isEqualTo("shop.product-events.v1");
        assertThat(manifest.functions()).allSatisfy(f -> {
            assertThat(manifest.modules()).containsKey(f.module());
            assertThat(f.memoryMb()).isBetween(128, 10240);
            assertThat(f.timeoutSeconds()).isPositive();
        });
    }

    @Test
    void describesFunctionsWithTheirRoutesAndTopics() {
        FunctionManifest manifest = FunctionManifest.load();

        FunctionManifest.FunctionSpec upsert = manifest.function("upsertProduct").orElseThrow();
        assertThat(upsert.module()).isEqualTo("catalog");
        assertThat(upsert.http()).singleElement().satisfies(route -> {
            assertThat(route.routeKey()).isEqualTo("PUT /products/{sku}");
            assertThat(route.adminOnly()).isTrue();
        });
        assertThat(upsert.produces()).containsExactly("product-events");
        FunctionManifest.FunctionSpec getProduct = manifest.function("getProduct").orElseThrow();
        assertThat(getProduct.http()).singleElement().satisfies(route -> assertThat(route.adminOnly()).isFalse());
        assertThat(manifest.function("syncCartPrices").orElseThrow().http()).isEmpty();
        assertThat(manifest.functionsOf("cart")).extracting(FunctionManifest.FunctionSpec::name)
                .contains("addToCart", "getCart", "syncCartPrices")
                .doesNotContain("getProduct");
        assertThat(manifest.function("noSuchFunction")).isEmpty();
    }

    @Test
    void refusesLookupsOfUnknownModulesAndTopics() {
        FunctionManifest manifest = FunctionManifest.load();

        assertThatThrownBy(() -> manifest.module("orders")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orders");
        assertThatThrownBy(() -> manifest.topicName("order-events")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("order-events");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown-module.json         | function getThing names unknown module demmo",
            "unknown-consumed-topic.json | function onThingEvent names unknown topic demo-evnets",
            "unknown-produced-topic.json | function createThing names unknown topic thing-events",
            "memory-too-small.json       | function tinyThing: memoryMb must be 128..10240",
            "memory-too-large.json       | function hugeThing: memoryMb must be 128..10240",
    })
    void rejectsAnInconsistentManifest(String file, String reason) {
        assertThatThrownBy(() -> TestManifests.read(file))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(reason);
    }

    @Test
    void acceptsMemoryAtTheLimits() throws Exception {
        FunctionManifest manifest = TestManifests.read("memory-at-limits.json");

        assertThat(manifest.function("smallest").orElseThrow().memoryMb()).isEqualTo(128);
        assertThat(manifest.function("largest").orElseThrow().memoryMb()).isEqualTo(10240);
        assertThat(manifest.function("largest").orElseThrow().http()).isEmpty();
        assertThat(manifest.function("largest").orElseThrow().consumes()).isEmpty();
    }
}
