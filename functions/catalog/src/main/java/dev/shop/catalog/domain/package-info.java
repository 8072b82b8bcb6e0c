/** Products, their outbox events and their Redis cache-aside: the catalog's rules and tables. */
package dev.shop.catalog.domain;
