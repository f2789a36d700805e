package org.linli.organisations;

import java.time.Instant;

/**
 * An organisation registered with a community. {@code version} counts its changes: an update names
 * the version it read, so two staff editing at once cannot silently overwrite each other.
 */
public record Organisation(String id, String community, OrganisationKind kind, String name, Contact contact,
                           String address, Instant registeredAt, String registeredBy, Instant updatedAt, String updatedBy,
                           long version) {

    public Organisation updated(OrganisationKind kind, String name, Contact contact, String address, String by, Instant at) {
        return new Organisation(id, community, kind, name, contact, address, registeredAt, registeredBy, at, by, version + 1);
    }
}
