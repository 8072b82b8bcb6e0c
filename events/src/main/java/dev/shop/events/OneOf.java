package dev.shop.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The only values a text component accepts. The record's constructor enforces it (with
 * {@code Require.oneOf}); the schema generator publishes it as {@code enum}, so consumers in other
 * languages see the same set. Adding a value later narrows nothing for producers but breaks consumers
 * that switch over the set: that needs a new type version.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface OneOf {

    String[] value();
}
