/** Every event contract of the platform: CloudEvents-style envelopes, payload records with versioned JSON Schemas, and their codec. */
package dev.shop.events;
