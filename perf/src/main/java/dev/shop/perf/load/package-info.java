/** Load drivers, open loop and closed loop, with HdrHistogram latencies and failures by reason. */
package dev.shop.perf.load;
