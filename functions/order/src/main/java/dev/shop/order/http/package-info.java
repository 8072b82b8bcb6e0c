/** The order's HTTP face: GET /orders and /orders/{orderId}. */
package dev.shop.order.http;
