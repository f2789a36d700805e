package org.linli.identity;

/** Whether an account may act: an administrator disables a staff account; a resident (or an administrator for him) erases one. */
public enum AccountStatus {
    ACTIVE,
    DISABLED,
    ERASED
}
