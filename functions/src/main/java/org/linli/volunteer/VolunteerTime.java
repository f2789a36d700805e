package org.linli.volunteer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.linli.core.Times;

/** Calendar arithmetic in the residents' time zone (Asia/Shanghai): days, months and years of the volunteer service. */
public final class VolunteerTime {
    private VolunteerTime() {}

    public static LocalDate day(Instant t) {
        return t.atZone(Times.CHINA).toLocalDate();
    }

    public static YearMonth month(Instant t) {
        return YearMonth.from(t.atZone(Times.CHINA));
    }

    public static int year(Instant t) {
        return t.atZone(Times.CHINA).getYear();
    }
}
