/** A Step-Functions-style engine: executions and their history in Postgres, one transaction per step. */
package dev.shop.workflow;
