package org.linli.volunteer;

/** Who verified a service log. */
public enum Verifier {
    STAFF,
    BENEFICIARY
}
