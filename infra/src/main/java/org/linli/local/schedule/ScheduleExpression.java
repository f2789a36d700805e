package org.linli.local.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/** An EventBridge schedule expression: rate, cron or at (one-time). */
public sealed interface ScheduleExpression permits ScheduleExpression.Rate, ScheduleExpression.At, ScheduleExpression.Cron {
    /**
     * The first fire time strictly after {@code after}.
     *
     * @param zone   the schedule's time zone (cron and at are wall-clock times there)
     * @param anchor when the schedule was created: rate schedules count from it
     */
    Optional<Instant> next(Instant after, ZoneId zone, Instant anchor);

    static ScheduleExpression parse(String expression) {
        String e = expression.trim();
        if (e.startsWith("rate(") && e.endsWith(")")) return Rate.parse(e.substring(5, e.length() - 1));
        if (e.startsWith("cron(") && e.endsWith(")")) return Cron.parse(e.substring(5, e.length() - 1));
        if (e.startsWith("at(") && e.endsWith(")")) return At.parse(e.substring(3, e.length() - 1));
        throw new IllegalArgumentException("not a schedule expression (rate(...), cron(...) or at(...)): " + expression);
    }

    /** {@code rate(1 minute)}, {@code rate(5 minutes)}, hours, days: every period from the anchor. */
    record Rate(Duration period) implements ScheduleExpression {
        private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*");

        static Rate parse(String body) {
            Matcher m = FORM.matcher(body);
            if (!m.matches()) throw new IllegalArgumentException("rate(" + body + "): expected rate(<value> <minute(s)|hour(s)|day(s)>)");
            long value = Long.parseLong(m.group(1));
            String unit = m.group(2);
            if (value <= 0) throw new IllegalArgumentException("rate(" + body + "): the value must be positive");
            // EventBridge rejects rate(1 minutes) and rate(5 minute).
            if ((value == 1) == unit.endsWith("s")) {
                throw new IllegalArgumentException("rate(" + body + "): use the singular unit for 1 and the plural otherwise");
            }
            Duration unitLength = unit.startsWith("minute") ? Duration.ofMinutes(1) : unit.startsWith("hour") ? Duration.ofHours(1) : Duration.ofDays(1);
            return new Rate(unitLength.multipliedBy(value));
        }

        @Override
        public Optional<Instant> next(Instant after, ZoneId zone, Instant anchor) {
            if (after.isBefore(anchor)) return Optional.of(anchor.plus(period));
            long periods = Duration.between(anchor, after).toMillis() / period.toMillis() + 1;
            return Optional.of(anchor.plus(period.multipliedBy(periods)));
        }
    }

    /** {@code at(2025-01-31T09:00:00)}: once, at that wall-clock time in the schedule's zone. */
    record At(LocalDateTime time) implements ScheduleExpression {
        static At parse(String body) {
            try {
                return new At(LocalDateTime.parse(body.trim()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("at(" + body + "): expected at(yyyy-mm-ddThh:mm:ss)", e);
            }
        }

        @Override
        public Optional<Instant> next(Instant after, ZoneId zone, Instant anchor) {
            Instant at = time.atZone(zone).toInstant();
            return at.isAfter(after) ? Optional.of(at) : Optional.empty();
        }
    }

    /**
     * {@code cron(Minutes Hours Day-of-month Month Day-of-week Year)}, computed by Quartz's
     * {@link CronExpression}. EventBridge's syntax is Quartz's minus the seconds field: day-of-week
     * 1-7 = SUN-SAT in both, {@code ?} in exactly one day field, {@code L} and {@code W} (and
     * {@code LW}) in day-of-month, {@code L} and {@code #} in day-of-week, names JAN-DEC and SUN-SAT,
     * ranges that wrap (FRI-MON, 22-2). So the expression is checked against what EventBridge
     * documents for each field (Quartz accepts more, e.g. {@code L-3}, {@code /} in day-of-week) and
     * handed to Quartz with a leading {@code 0} for the seconds.
     */
    record Cron(String body, CronExpression quartz) implements ScheduleExpression {
        private static final String[] FIELDS = {"Minutes", "Hours", "Day-of-month", "Month", "Day-of-week", "Year"};
        private static final String NUMBERS = "[0-9]+";
        private static final String MONTH = "(?:[0-9]+|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)";
        private static final String DAY = "(?:[1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)";
        /** Each field's items, as EventBridge documents them: , - * / everywhere but day-of-week, ? L W # where allowed. */
        private static final Pattern[] ITEMS = {
                item(NUMBERS, true), item(NUMBERS, true),
                Pattern.compile("\\?|L|LW|[0-9]+W|" + item(NUMBERS, true).pattern()),
                item(MONTH, true),
                Pattern.compile("\\?|L|" + DAY + "L|" + DAY + "#[1-5]|" + item(DAY, false).pattern()),
                item(NUMBERS, true)};

        private static Pattern item(String value, boolean step) {
            String range = "(?:\\*|" + value + "(?:-" + value + ")?)";
            return Pattern.compile(range + (step ? "(?:/[0-9]+)?" : ""));
        }

        static Cron parse(String body) {
            String[] f = body.trim().toUpperCase(Locale.ROOT).split("\\s+");
            if (f.length != 6) {
                throw new IllegalArgumentException("cron(" + body + "): expected 6 fields (Minutes Hours Day-of-month Month Day-of-week Year), got " + f.length);
            }
            if (f[2].equals("?") == f[4].equals("?")) {
                throw new IllegalArgumentException("cron(" + body + "): exactly one of Day-of-month and Day-of-week must be '?'");
            }
            for (int i = 0; i < 6; i++) {
                for (String item : f[i].split(",", -1)) {
                    if (!ITEMS[i].matcher(item).matches() || (item.equals("?") && f[i].contains(","))) {
                        throw new IllegalArgumentException("cron(" + body + "): " + FIELDS[i] + ": '" + item + "' is not an EventBridge cron value");
                    }
                }
            }
            for (String item : f[5].split(",")) {
                // EventBridge's years (a step after / is no year); Quartz's parser leaves them unchecked.
                for (String year : item.replaceFirst("/.*", "").split("-")) {
                    if (!year.equals("*") && (Integer.parseInt(year) < 1970 || Integer.parseInt(year) > 2199)) {
                        throw new IllegalArgumentException("cron(" + body + "): Year: " + year + " is outside 1970-2199");
                    }
                }
            }
            try {
                return new Cron(body, new CronExpression("0 " + String.join(" ", f)));
            } catch (java.text.ParseException e) {
                throw new IllegalArgumentException("cron(" + body + "): " + e.getMessage(), e);
            }
        }

        /**
         * Quartz walks wall-clock fields in the zone. As on EventBridge Scheduler, a time that does
         * not exist there (the spring DST gap) is skipped, and one that happens twice (the autumn
         * overlap) runs once.
         */
        @Override
        public Optional<Instant> next(Instant after, ZoneId zone, Instant anchor) {
            Date next;
            // A CronExpression carries its time zone: one computation at a time.
            synchronized (quartz) {
                quartz.setTimeZone(TimeZone.getTimeZone(zone));
                next = quartz.getNextValidTimeAfter(Date.from(after));
            }
            return Optional.ofNullable(next).map(Date::toInstant);
        }

        @Override
        public String toString() {
            return "cron(" + body + ")";
        }
    }
}
