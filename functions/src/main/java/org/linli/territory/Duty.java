package org.linli.territory;

/** A roster member's standing today. */
public enum Duty {
    ON_DUTY,   // 在岗
    BACKUP,    // 备岗 (AB角)
    ON_LEAVE   // 请假
}
