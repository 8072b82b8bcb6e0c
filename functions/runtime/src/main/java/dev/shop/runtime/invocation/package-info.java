/** The one invocation path of every trigger: decode, poison policy, dedupe, meter, flush. */
package dev.shop.runtime.invocation;
