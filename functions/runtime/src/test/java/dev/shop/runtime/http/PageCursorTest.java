package dev.shop.runtime.http;

import java.util.List;

import dev.shop.runtime.problem.Problem;
import dev.shop.runtime.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PageCursorTest {

    private final PageCursor cursors = new PageCursor(key -> key.matches("[A-Z0-9-]{1,20}"));

    @Test
    void decodesWhatItEncoded() {
        String cursor = cursors.encode("MUG-RED-01");

        assertThat(cursor).isEqualTo("TVVHLVJFRC0wMQ").doesNotContain("=");
        assertThat(cursors.decode(cursor)).isEqualTo("MUG-RED-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!", "bXVnLXJlZA", "not base64 at all"})
    void refusesCursorItDidNotHandOut(String cursor) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> cursors.decode(cursor));

        assertThat(refused.problem().status()).isEqualTo(400);
        assertThat(refused.problem().type()).isEqualTo("/problems/validation");
        assertThat(refused.problem().detail()).isEqualTo("cursor: is not a cursor this API returned");
        assertThat(refused.problem().errors())
                .containsExactly(new Problem.FieldError("cursor", "is not a cursor this API returned"));
    }

    @Test
    void acceptsLimitWithinBounds() {
        assertThat(PageCursor.limit("1", 100)).isEqualTo(1);
        assertThat(PageCursor.limit("100", 100)).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "abc", "1.5", ""})
    void refusesLimitOutOfBounds(String limit) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> PageCursor.limit(limit, 100));

        assertThat(refused.problem().status()).isEqualTo(400);
        assertThat(refused.problem().errors())
                .isEqualTo(List.of(new Problem.FieldError("limit", "must be a whole number from 1 to 100")));
    }
}
