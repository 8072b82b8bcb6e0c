/** Real Postgres, Redis and Kafka for the local stack and every test JVM, or the user's own. */
package dev.shop.local.servers;
