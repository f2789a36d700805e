package org.linli.organisations;

import java.time.Instant;

/**
 * A volunteer (an approved member of the community, 在职党员) linked to the organisation he reports
 * for duty with. A member is linked to at most one organisation of his community: linking him
 * again moves him, so his hours are never counted twice.
 */
public record MemberLink(String community, String memberId, String organisationId, Instant linkedAt, String linkedBy) {}
