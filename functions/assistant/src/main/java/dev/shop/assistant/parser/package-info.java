/** parseIntent: plain English into a structured shopping plan. */
package dev.shop.assistant.parser;
