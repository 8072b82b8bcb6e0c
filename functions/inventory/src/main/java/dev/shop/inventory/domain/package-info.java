/** Stock and the checkout saga's holds on it: the inventory's rules and tables. */
package dev.shop.inventory.domain;
