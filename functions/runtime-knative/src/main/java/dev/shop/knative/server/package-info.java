/** A module's HTTP server on Knative Serving: its routes and its CloudEvents on one port. */
package dev.shop.knative.server;
