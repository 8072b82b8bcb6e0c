/** Checkouts: one per Idempotency-Key, run as a saga on the workflow engine. */
package dev.shop.checkout.domain;
