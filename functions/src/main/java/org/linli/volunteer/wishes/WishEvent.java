package org.linli.volunteer.wishes;

import java.time.Instant;

/** One step in a wish's history (the supervision trail): what happened, who did it, when, and why. */
public record WishEvent(String action, String actorId, Instant at, String note) {}
