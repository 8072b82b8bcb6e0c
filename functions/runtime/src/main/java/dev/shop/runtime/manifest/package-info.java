/** The function manifest: routes, topics, memory and timeouts of every deployable function. */
package dev.shop.runtime.manifest;
