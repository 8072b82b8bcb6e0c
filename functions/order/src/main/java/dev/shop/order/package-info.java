/** The order's function beans: createOrder, getOrder, listOrders. */
package dev.shop.order;
