/** What every function module gets from the runtime, and the platform settings it reads. */
package dev.shop.runtime.config;
