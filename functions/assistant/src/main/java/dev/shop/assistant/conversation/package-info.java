/** parseIntent's rule: a request parsed within the conversation it belongs to. */
package dev.shop.assistant.conversation;
