/** The inventory's function beans: stock, the saga's reservations, and their expiry. */
package dev.shop.inventory;
