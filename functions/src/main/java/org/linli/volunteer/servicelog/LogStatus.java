package org.linli.volunteer.servicelog;

/** A service log counts (hours, points) only once VERIFIED, by staff or by the beneficiary. */
public enum LogStatus {
    PENDING,
    VERIFIED,
    REJECTED
}
