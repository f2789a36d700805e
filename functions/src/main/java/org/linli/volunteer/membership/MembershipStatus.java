package org.linli.volunteer.membership;

/** A registration's state: staff approve or decline a PENDING one; a declined member may register again. */
public enum MembershipStatus {
    PENDING,
    APPROVED,
    DECLINED
}
