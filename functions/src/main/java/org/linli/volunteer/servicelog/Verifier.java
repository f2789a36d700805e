package org.linli.volunteer.servicelog;

/** Who verified a service log. */
public enum Verifier {
    STAFF,
    BENEFICIARY
}
