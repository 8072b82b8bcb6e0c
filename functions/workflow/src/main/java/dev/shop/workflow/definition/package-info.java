/** Amazon States Language definitions, parsed and checked. */
package dev.shop.workflow.definition;
