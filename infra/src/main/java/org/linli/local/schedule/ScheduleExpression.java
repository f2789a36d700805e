package org.linli.local.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An EventBridge schedule expression: rate, cron or at (one-time). */
public sealed interface ScheduleExpression permits ScheduleExpression.Rate, ScheduleExpression.At, CronExpression {
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
        if (e.startsWith("cron(") && e.endsWith(")")) return CronExpression.parse(e.substring(5, e.length() - 1));
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
}
