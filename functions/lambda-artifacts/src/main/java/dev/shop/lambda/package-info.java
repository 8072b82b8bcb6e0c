/** The Lambda Java runtime, locally: a Runtime API, runtime interface client JVMs, and readers of the Lambda jars. */
package dev.shop.lambda;
