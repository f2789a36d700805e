package org.linli.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.linli.core.Times;

/**
 * At most {@code perDay} SMS to one phone per calendar day in Beijing - whatever the events, so a
 * busy case (or a flood of hotline orders naming one number) cannot flood a resident's phone.
 */
public record SmsCap(int perDay) {
    public SmsCap {
        if (perDay < 1) throw new IllegalArgumentException("an SMS cap allows at least one message a day");
    }

    /** The Beijing day {@code at} falls in. */
    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, Times.CHINA);
    }

    /** When that day ends (the counter's record may go a day later). */
    public static Instant endOf(LocalDate day) {
        return ZonedDateTime.of(day.plusDays(1).atStartOfDay(), Times.CHINA).toInstant();
    }
}
