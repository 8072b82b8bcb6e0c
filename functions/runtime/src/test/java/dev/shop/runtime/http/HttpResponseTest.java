package dev.shop.runtime.http;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpResponseTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void writesBodyAsJson() {
        HttpResponse response = HttpResponse.json(mapper, 201, Map.of("sku", "MUG"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers()).containsEntry("content-type", "application/json");
        assertThat(response.body()).isEqualTo("{\"sku\":\"MUG\"}");
    }

    @Test
    void refusesBodyJacksonCannotWrite() {
        assertThatThrownBy(() -> HttpResponse.json(mapper, 200, new Object()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("response could not be written as JSON");
    }
}
