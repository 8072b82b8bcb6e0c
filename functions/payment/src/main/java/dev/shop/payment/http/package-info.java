/** The payment's HTTP face: GET /payments/{checkoutId}. */
package dev.shop.payment.http;
