/** The catalog's function beans: its rules, one bean per manifest function, and its HTTP face. */
package dev.shop.catalog;
