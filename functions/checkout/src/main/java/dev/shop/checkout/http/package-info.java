/** The checkout's HTTP face: POST and GET /checkouts. */
package dev.shop.checkout.http;
