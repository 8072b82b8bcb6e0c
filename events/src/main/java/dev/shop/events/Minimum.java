package dev.shop.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Smallest value a numeric record component accepts. The record's constructor enforces it (with
 * {@code Require.atLeast}); the schema generator publishes it as {@code minimum}, so consumers in
 * other languages see the same bound.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Minimum {

    long value();
}
