package dev.shop.runtime.http;

/**
 * The HTTP binding of one function: turns a request into a domain call and the domain outcome into a
 * response. Implementations stay thin; the business rule lives in the function bean they call.
 */
@FunctionalInterface
public interface HttpOperation {

    HttpResponse handle(HttpRequest request);
}
