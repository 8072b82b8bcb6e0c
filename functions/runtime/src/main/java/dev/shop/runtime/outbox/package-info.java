/** The transactional outbox and its relay to Kafka: no event lost, none published before its commit. */
package dev.shop.runtime.outbox;
