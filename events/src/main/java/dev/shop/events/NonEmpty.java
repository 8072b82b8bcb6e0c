package dev.shop.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list component that must hold at least one element. The record's constructor enforces it (with
 * {@code Require.nonEmptyList}); the schema generator publishes it as {@code minItems: 1}. Such a
 * component is also {@code @JsonProperty(required = true)}: an absent list would read as empty.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface NonEmpty {
}
