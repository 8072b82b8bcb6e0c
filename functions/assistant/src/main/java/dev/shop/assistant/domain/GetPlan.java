package dev.shop.assistant.domain;

import java.time.Duration;

/** getPlan's command: a plan, and how long the caller will wait for it to end (zero: answer at once). */
public record GetPlan(String planId, Duration atMost) {
}
