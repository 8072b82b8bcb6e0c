/** Orders, one per paid checkout: the order's rules and tables. */
package dev.shop.order.domain;
