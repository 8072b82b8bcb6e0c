/** The assistant's evaluation runner: intent, clarification and task scores over a data set. */
package dev.shop.assistant.eval;
