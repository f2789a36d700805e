package org.linli.volunteer.wishes;

import java.time.Instant;

/** Who holds a wish and by when he must serve it. */
public record Claim(String memberId, String memberName, Instant claimedAt, Instant serveBy) {}
