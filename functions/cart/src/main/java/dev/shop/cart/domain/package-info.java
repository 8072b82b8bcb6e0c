/** Carts, their price replica, and the checkout's holds on them: the cart's rules and tables. */
package dev.shop.cart.domain;
