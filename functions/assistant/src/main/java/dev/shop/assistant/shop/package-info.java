/** The shop's public HTTP API, called as a shopper's agent calls it. */
package dev.shop.assistant.shop;
