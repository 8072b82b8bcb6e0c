/** Identifiers that stay unique across processes restored from one snapshot. */
package dev.shop.runtime.ids;
