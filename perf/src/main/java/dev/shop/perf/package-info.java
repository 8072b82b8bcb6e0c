/** Benchmarks of the running shop, run by hand. */
package dev.shop.perf;
