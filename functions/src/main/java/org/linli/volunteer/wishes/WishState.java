package org.linli.volunteer.wishes;

/**
 * A micro-wish through the six orders: placed (群众点单) → reviewed and published or dispatched
 * (支部派单) → claimed (党员接单) → served and reported complete → confirmed and rated by the
 * resident (群众评单) → in the public feed (平台晒单). Supervision (多方督单) reads CLAIMED wishes
 * past their deadline and PUBLISHED wishes nobody took.
 */
public enum WishState {
    PENDING_REVIEW,
    DECLINED,
    PUBLISHED,
    CLAIMED,
    COMPLETED,
    FULFILLED;

    /** States in which a member holds the wish (his claim list). */
    public boolean held() {
        return this == CLAIMED || this == COMPLETED || this == FULFILLED;
    }
}
