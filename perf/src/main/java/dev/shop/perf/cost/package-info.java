/** The pay-per-invocation cost report: metering rows priced by a dated price list, per function, day and order. */
package dev.shop.perf.cost;
