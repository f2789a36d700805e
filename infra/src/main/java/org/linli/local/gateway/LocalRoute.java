package org.linli.local.gateway;

/** A route of the gateway itself, under {@code /_local/}: local tooling, never deployed. */
@FunctionalInterface
public interface LocalRoute {
    LocalResponse handle(LocalRequest request) throws Exception;
}
