/** Payments, their ledger and the provider behind them: the payment's rules and tables. */
package dev.shop.payment.domain;
