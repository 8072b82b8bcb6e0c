/** RFC 9457 problem details for every refusal. */
package dev.shop.runtime.problem;
