/** executePlan: the agent that carries a parsed plan out through the shop's public API. */
package dev.shop.assistant.execute;
