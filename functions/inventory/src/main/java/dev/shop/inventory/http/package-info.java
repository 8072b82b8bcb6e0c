/** The inventory's HTTP face: PUT and GET /inventory/{sku}. */
package dev.shop.inventory.http;
