package dev.shop.runtime.http;

import java.util.Map;

/**
 * A module's HTTP face: each of its HTTP functions' operations, by manifest function name. A module declares its
 * face as a bean; the runtime routes the manifest's HTTP routes to it on every platform (API Gateway on Lambda,
 * the local gateway, a Knative service).
 */
public interface HttpOperations {

    Map<String, HttpOperation> operations();
}
