/** The checkout driver: open-loop checkout journeys against a running stack. */
package dev.shop.perf.checkout;
