package org.linli.volunteer.points;

/**
 * Who rated: the resident whose wish was fulfilled or the beneficiary of a verified service (both
 * "beneficiaries' ratings", 服务对象评议), or a resident appraising a member at year end
 * ("residents' ratings", 群众评议).
 */
public enum RatingKind {
    WISH,
    SERVICE,
    APPRAISAL;

    public boolean byBeneficiary() {
        return this != APPRAISAL;
    }
}
