/** The runtime's AWS Lambda faces: API Gateway events, MSK batches, Secrets Manager. */
package dev.shop.runtime.aws;
