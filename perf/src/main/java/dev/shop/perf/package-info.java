/** The benchmarks, the performance suite and the cost report of the running shop, run by hand ({@code ./perf/run}). */
package dev.shop.perf;
