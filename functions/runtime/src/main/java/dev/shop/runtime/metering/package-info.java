/** Every invocation metered once, for operators and for the pay-per-invocation cost reports. */
package dev.shop.runtime.metering;
