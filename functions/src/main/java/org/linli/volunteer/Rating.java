package org.linli.volunteer;

import java.time.Instant;

/** A resident's rating of a service he received: 1-5 and an optional comment. */
public record Rating(int score, String comment, Instant at) {}
