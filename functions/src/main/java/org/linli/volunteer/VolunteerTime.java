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

    /** A limit as people say it: "3 day(s)", "2 hour(s)", "30 minute(s)". */
    public static String human(java.time.Duration d) {
        if (d.toDays() > 0 && d.toHours() % 24 == 0) return d.toDays() + " day(s)";
        if (d.toHours() > 0 && d.toMinutes() % 60 == 0) return d.toHours() + " hour(s)";
        return d.toMinutes() + " minute(s)";
    }

    public static int year(Instant t) {
        return t.atZone(Times.CHINA).getYear();
    }
}
