package org.linli.open311;

import java.util.Collection;
import java.util.Optional;
import org.linli.core.Forbidden;

/**
 * The API keys of third parties (a 12345 hotline system, a district's own app): each is stored as
 * the SHA-256 of the key, with a name, the territory node its requests must fall in, and the
 * pseudonymous user its reports are filed as.
 */
public interface ApiKeys {
    record ApiKey(String name, String scope, String reporterId) {
        /** The key's scope check: the place's territory path must hold its node; 403 otherwise. */
        public void requireCovers(Collection<String> territoryPath) {
            if (!territoryPath.contains(scope)) throw new Forbidden("This api_key may not report at this location.");
        }
    }

    Optional<ApiKey> find(String key);
}
