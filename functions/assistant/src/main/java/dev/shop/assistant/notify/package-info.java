/** PlanFinished events, through the assistant's outbox. */
package dev.shop.assistant.notify;
