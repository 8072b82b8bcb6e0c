/** The reports' HTML pages, PNG charts and number formats. */
package dev.shop.perf.report;
