package org.linli.volunteer.points;

/** Why points were granted; with the source id it makes a ledger entry's identity. */
public enum PointsRule {
    VERIFIED_SERVICE,
    FULFILLED_WISH,
    RATING
}
