/** The whole shop in one JVM behind an API-Gateway-compatible front door. */
package dev.shop.localstack;
