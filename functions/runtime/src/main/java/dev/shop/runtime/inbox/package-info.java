/** Idempotent consumers: an event's effect happens once per function. */
package dev.shop.runtime.inbox;
