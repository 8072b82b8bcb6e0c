/** The assistant's HTTP face: requests to commands, results to status codes. */
package dev.shop.assistant.http;
