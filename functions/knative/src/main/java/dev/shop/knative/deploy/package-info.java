/** The deploy command: the generated Knative resources applied to a cluster with fabric8's Knative client. */
package dev.shop.knative.deploy;
