/** The assistant's Lucene index of the catalog, filled from the catalog's product events. */
package dev.shop.assistant.index;
