package org.linli.privacy;

import org.linli.core.Page;

/**
 * Where the volunteer feature keeps a user's personal data: the contacts of the micro-wishes
 * (微心愿) he placed and his volunteer registration (双报到). Owned by privacy, which says when they go.
 */
public interface VolunteerData {
    /** Nothing to erase: for tests and functions without the volunteer table. */
    VolunteerData NONE = new VolunteerData() {
        @Override
        public Page<String> wishesPlacedBy(String userId, int limit, String cursor) {
            return new Page<>(java.util.List.of(), null);
        }

        @Override
        public Erased eraseWishContact(String wishId) {
            return Erased.NOTHING;
        }

        @Override
        public boolean anonymiseMembership(String userId, String pseudonym) {
            return false;
        }
    };

    /** One page of the ids of the wishes the user placed (any state). */
    Page<String> wishesPlacedBy(String userId, int limit, String cursor);

    /**
     * Removes a wish's contact (name and phone) and its photo keys; the wish keeps working for staff
     * and its volunteer without them. Not done when there is no such wish; the photos it named are returned.
     */
    Erased eraseWishContact(String wishId);

    /**
     * Replaces the name of the user's volunteer registration by {@code pseudonym} and removes its phone;
     * ids, status, ratings, hours and points stay so statistics keep counting him. False when he has none.
     */
    boolean anonymiseMembership(String userId, String pseudonym);
}
