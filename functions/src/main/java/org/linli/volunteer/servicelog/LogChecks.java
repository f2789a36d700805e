package org.linli.volunteer.servicelog;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.core.FieldError;
import org.linli.core.Times;
import org.linli.volunteer.LogRules;
import org.linli.volunteer.VolunteerTime;
import org.linli.volunteer.membership.Membership;

/**
 * The service log's rules, as field errors a member can act on. Pure: the time rules need only
 * the clock; the day rules take the member's registration and day sheet as read by the store.
 */
public final class LogChecks {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(Times.CHINA);

    private LogChecks() {}

    /** Order, not in the future, not too old, within one day, at most a day's hours. */
    public static List<FieldError> times(Instant start, Instant end, Instant now, LogRules rules) {
        List<FieldError> errors = new ArrayList<>();
        if (start == null || end == null) return errors;
        Instant latest = now.plus(rules.clockSkew());
        if (start.isAfter(latest)) errors.add(new FieldError("start", "must not be in the future"));
        if (end.isAfter(latest)) errors.add(new FieldError("end", "must not be in the future"));
        if (start.isBefore(now.minus(rules.maxAge()))) {
            errors.add(new FieldError("start", "must be within the last " + VolunteerTime.human(rules.maxAge())
                    + "; older service is not logged"));
        }
        if (!end.isAfter(start)) {
            errors.add(new FieldError("end", "must be after start"));
            return errors;
        }
        long minutes = Duration.between(start, end).toMinutes();
        if (minutes < 1) errors.add(new FieldError("end", "must be at least one minute after start"));
        if (!VolunteerTime.day(start).equals(VolunteerTime.day(end.minusNanos(1)))) {
            errors.add(new FieldError("end", "must be on the same day as start (Asia/Shanghai); log service past midnight as two entries"));
        } else if (minutes > rules.maxMinutesPerDay()) {
            errors.add(new FieldError("end", "makes a log of " + hours(minutes) + "; at most " + rules.maxHoursPerDay()
                    + " h of service count per day"));
        }
        return errors;
    }

    /** Approved in the community; no overlap with the day's live logs; the day's total within the limit. */
    public static List<FieldError> againstDay(LogDraft d, Optional<Membership> member, LogDay day, LogRules rules) {
        List<FieldError> errors = new ArrayList<>();
        if (member.isEmpty() || !member.get().approvedIn(d.community())) {
            errors.add(new FieldError("community", "you are not an approved volunteer of community " + d.community()));
        }
        for (Map.Entry<String, LogDay.Interval> e : day.entries().entrySet()) {
            LogDay.Interval i = e.getValue();
            if (i.overlaps(d.start(), d.end())) {
                errors.add(new FieldError("start", "overlaps your service log " + e.getKey() + " (" + HH_MM.format(i.start())
                        + "–" + HH_MM.format(i.end()) + ")"));
            }
        }
        long minutes = Duration.between(d.start(), d.end()).toMinutes();
        if (minutes <= rules.maxMinutesPerDay() && day.minutes() + minutes > rules.maxMinutesPerDay()) {
            errors.add(new FieldError("end", "brings the day's service to " + hours(day.minutes() + minutes) + "; at most "
                    + rules.maxHoursPerDay() + " h count per day (" + hours(day.minutes()) + " logged already)"));
        }
        return errors;
    }

    static String hours(long minutes) {
        long h = minutes / 60;
        long m = minutes % 60;
        return m == 0 ? h + " h" : h + " h " + m + " min";
    }
}
