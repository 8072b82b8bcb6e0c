/** Test support the function modules share: Lambda hosting, Kafka clients, probes and fixtures. */
package dev.shop.testing;
