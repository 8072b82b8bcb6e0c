/** The performance suite: every scenario against one stack, the in-process comparisons and the report. */
package dev.shop.perf.suite;
