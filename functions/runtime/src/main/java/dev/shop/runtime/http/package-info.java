/** The cloud-neutral HTTP face of a module: routing, JSON bodies, problem details, CloudEvents. */
package dev.shop.runtime.http;
