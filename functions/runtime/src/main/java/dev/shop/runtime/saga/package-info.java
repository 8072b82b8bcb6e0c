/** How a saga participant answers a task: TaskSucceeded or TaskFailed, through the outbox. */
package dev.shop.runtime.saga;
