package dev.shop.assistant.domain;

/** One thing executePlan did, and how it went. */
public record Step(String action, String status, String detail) {
}
