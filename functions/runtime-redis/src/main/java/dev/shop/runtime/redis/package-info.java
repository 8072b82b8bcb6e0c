/** The module's one Redis connection, opened on first use and reopened after a snapshot restore. */
package dev.shop.runtime.redis;
