/** The payment's function beans: processPayment, refundPayment, getPayment. */
package dev.shop.payment;
