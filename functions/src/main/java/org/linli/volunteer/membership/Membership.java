package org.linli.volunteer.membership;

import java.time.Instant;
import java.util.List;

/**
 * A party member's registration with the community where he lives (双报到): one per member.
 * {@code name} and {@code phone} are personal information: staff of the community see them,
 * public views mask the name and never show the phone. {@code ratingSum}/{@code ratingCount}
 * are the lifetime rating aggregates the rating consumer folds in.
 */
public record Membership(String memberId, Community community, String name, String phone, List<String> skills,
                         String availability, String partyOrganisation, MembershipStatus status, Instant registeredAt,
                         Instant decidedAt, String decidedBy, String declineReason, long ratingSum, long ratingCount) {
    public Membership {
        skills = List.copyOf(skills);
    }

    public boolean approvedIn(String communityCode) {
        return status == MembershipStatus.APPROVED && community.code().equals(communityCode);
    }

    public Membership decided(MembershipStatus to, String by, String reason, Instant at) {
        return new Membership(memberId, community, name, phone, skills, availability, partyOrganisation, to, registeredAt,
                at, by, reason, ratingSum, ratingCount);
    }

    /** Lifetime average rating, null before the first. */
    public Double averageRating() {
        return ratingCount == 0 ? null : (double) ratingSum / ratingCount;
    }
}
