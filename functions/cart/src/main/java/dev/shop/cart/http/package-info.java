/** The cart's HTTP face: requests to commands, outcomes to status codes. */
package dev.shop.cart.http;
