/** The settings of the module's own Kafka clients, with the platform's authentication. */
package dev.shop.runtime.kafka;
