package dev.shop.assistant.domain;

/** getPlan's answer: a plan executePlan answered 202 for, RUNNING until its checkout ended, then its result. */
public record PlanView(String planId, String status, ExecuteResult result) {
}
