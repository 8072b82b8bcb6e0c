/** Spring wiring of the Knative HTTP server into a module's application. */
package dev.shop.knative.config;
