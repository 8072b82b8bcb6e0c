/** The shopping assistant's functions, parseIntent and executePlan, and their wiring. */
package dev.shop.assistant;
