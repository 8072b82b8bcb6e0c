/** The assistant's commands and outcomes: what parseIntent, executePlan and getPlan are asked and answer. */
package dev.shop.assistant.domain;
