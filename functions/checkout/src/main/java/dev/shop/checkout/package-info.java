/** The checkout's function beans: the saga's entry, its reply consumer, its sweeper and its HTTP face. */
package dev.shop.checkout;
