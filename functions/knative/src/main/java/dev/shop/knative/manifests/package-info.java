/** Knative Serving and Eventing resources generated from the function manifest, so they cannot drift from it. */
package dev.shop.knative.manifests;
