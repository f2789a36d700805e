package org.linli.open311;

import java.util.Optional;

/**
 * The API keys of third parties (a 12345 hotline system, a district's own app): each is stored as
 * the SHA-256 of the key, with a name, the territory node its requests must fall in, and the
 * pseudonymous user its reports are filed as.
 */
public interface ApiKeys {
    record ApiKey(String name, String scope, String reporterId) {}

    Optional<ApiKey> find(String key);
}
