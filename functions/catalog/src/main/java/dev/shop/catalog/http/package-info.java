/** The catalog's HTTP face: requests to commands, outcomes to status codes. */
package dev.shop.catalog.http;
