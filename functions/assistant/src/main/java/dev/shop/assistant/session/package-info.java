/** Conversation context between requests, kept in Redis. */
package dev.shop.assistant.session;
