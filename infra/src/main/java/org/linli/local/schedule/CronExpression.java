package org.linli.local.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An EventBridge cron expression: {@code Minutes Hours Day-of-month Month Day-of-week Year}, with
 * {@code , - * /} everywhere, {@code ?} in exactly one of the two day fields, {@code L} and
 * {@code W} (and {@code LW}) in day-of-month, {@code L} and {@code #} in day-of-week, names
 * JAN-DEC and SUN-SAT, and day-of-week numbered 1=SUN to 7=SAT.
 */
public final class CronExpression implements ScheduleExpression {
    private static final int MIN_YEAR = 1970;
    private static final int MAX_YEAR = 2199;
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("JAN", 1), Map.entry("FEB", 2), Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5),
            Map.entry("JUN", 6), Map.entry("JUL", 7), Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10),
            Map.entry("NOV", 11), Map.entry("DEC", 12));
    private static final Map<String, Integer> DAYS = Map.of(
            "SUN", 1, "MON", 2, "TUE", 3, "WED", 4, "THU", 5, "FRI", 6, "SAT", 7);

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet months;
    private final BitSet years;
    private final DaysOfMonth daysOfMonth;
    private final DaysOfWeek daysOfWeek;

    /** Day-of-month: plain days, L (last day), LW (last weekday), nW (weekday nearest to n). */
    private record DaysOfMonth(BitSet days, boolean last, boolean lastWeekday, List<Integer> nearestWeekday) {
        boolean matches(LocalDate date) {
            int d = date.getDayOfMonth();
            int length = date.lengthOfMonth();
            if (days.get(d) || (last && d == length)) return true;
            if (lastWeekday && d == weekdayNear(date.withDayOfMonth(length)).getDayOfMonth()) return true;
            for (int n : nearestWeekday) {
                if (n <= length && d == weekdayNear(date.withDayOfMonth(n)).getDayOfMonth()) return true;
            }
            return false;
        }

        /** The weekday nearest to {@code day} without leaving its month. */
        private static LocalDate weekdayNear(LocalDate day) {
            DayOfWeek dow = day.getDayOfWeek();
            if (dow == DayOfWeek.SATURDAY) return day.getDayOfMonth() == 1 ? day.plusDays(2) : day.minusDays(1);
            if (dow == DayOfWeek.SUNDAY) return day.getDayOfMonth() == day.lengthOfMonth() ? day.minusDays(2) : day.plusDays(1);
            return day;
        }
    }

    /** Day-of-week (1=SUN): plain days, nL (last such day of the month), n#k (k-th such day). */
    private record DaysOfWeek(BitSet days, List<Integer> lastOfMonth, List<int[]> nth) {
        boolean matches(LocalDate date) {
            int dow = date.getDayOfWeek().getValue() % 7 + 1;
            if (days.get(dow)) return true;
            if (lastOfMonth.contains(dow) && date.plusWeeks(1).getMonthValue() != date.getMonthValue()) return true;
            for (int[] n : nth) {
                if (n[0] == dow && (date.getDayOfMonth() - 1) / 7 + 1 == n[1]) return true;
            }
            return false;
        }
    }

    private CronExpression(String text, BitSet minutes, BitSet hours, BitSet months, BitSet years,
                           DaysOfMonth daysOfMonth, DaysOfWeek daysOfWeek) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.months = months;
        this.years = years;
        this.daysOfMonth = daysOfMonth;
        this.daysOfWeek = daysOfWeek;
    }

    /** @param body the six fields, without {@code cron( )} */
    public static CronExpression parse(String body) {
        String[] f = body.trim().toUpperCase(Locale.ROOT).split("\\s+");
        if (f.length != 6) {
            throw new IllegalArgumentException("cron(" + body + "): expected 6 fields (Minutes Hours Day-of-month Month Day-of-week Year), got " + f.length);
        }
        boolean domUnspecified = f[2].equals("?");
        boolean dowUnspecified = f[4].equals("?");
        if (domUnspecified == dowUnspecified) {
            throw new IllegalArgumentException("cron(" + body + "): exactly one of Day-of-month and Day-of-week must be '?'");
        }
        try {
            return new CronExpression(body,
                    field(f[0], 0, 59, Map.of(), "Minutes"),
                    field(f[1], 0, 23, Map.of(), "Hours"),
                    field(f[3], 1, 12, MONTHS, "Month"),
                    field(f[5], MIN_YEAR, MAX_YEAR, Map.of(), "Year"),
                    domUnspecified ? null : daysOfMonth(f[2]),
                    dowUnspecified ? null : daysOfWeek(f[4]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cron(" + body + "): " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Instant> next(Instant after, ZoneId zone, Instant anchor) {
        ZonedDateTime start = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate date = start.toLocalDate();
        LocalTime from = start.toLocalTime();
        while (date.getYear() <= MAX_YEAR) {
            if (!years.get(date.getYear())) {
                int year = years.nextSetBit(date.getYear() + 1);
                if (year < 0) return Optional.empty();
                date = LocalDate.of(year, 1, 1);
                from = LocalTime.MIDNIGHT;
                continue;
            }
            if (!months.get(date.getMonthValue())) {
                date = date.with(TemporalAdjusters.firstDayOfNextMonth());
                from = LocalTime.MIDNIGHT;
                continue;
            }
            if (daysOfMonth != null ? daysOfMonth.matches(date) : daysOfWeek.matches(date)) {
                LocalTime time = timeFrom(from);
                if (time != null) {
                    // In a DST gap the wall-clock time does not exist: ofLocal moves it past the gap.
                    Instant fire = ZonedDateTime.ofLocal(LocalDateTime.of(date, time), zone, null).toInstant();
                    if (fire.isAfter(after)) return Optional.of(fire);
                }
            }
            date = date.plusDays(1);
            from = LocalTime.MIDNIGHT;
        }
        return Optional.empty();
    }

    /** The first allowed hour:minute at or after {@code from} on one day, or null. */
    private LocalTime timeFrom(LocalTime from) {
        for (int h = hours.nextSetBit(from.getHour()); h >= 0; h = hours.nextSetBit(h + 1)) {
            int m = minutes.nextSetBit(h == from.getHour() ? from.getMinute() : 0);
            if (m >= 0) return LocalTime.of(h, m);
        }
        return null;
    }

    @Override
    public String toString() {
        return "cron(" + text + ")";
    }

    // ------------------------------------------------------------------ parsing

    private static BitSet field(String spec, int min, int max, Map<String, Integer> names, String field) {
        BitSet bits = new BitSet(max + 1);
        for (String item : spec.split(",")) {
            if (item.isEmpty()) throw new IllegalArgumentException(field + ": empty list item");
            addItem(bits, item, min, max, names, field);
        }
        return bits;
    }

    private static void addItem(BitSet bits, String item, int min, int max, Map<String, Integer> names, String field) {
        int step = 1;
        String range = item;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            step = number(item.substring(slash + 1), 1, max, Map.of(), field + " step");
            range = item.substring(0, slash);
        }
        int from;
        int to;
        if (range.equals("*")) {
            from = min;
            to = max;
        } else if (range.contains("-")) {
            String[] ab = range.split("-", 2);
            from = number(ab[0], min, max, names, field);
            to = number(ab[1], min, max, names, field);
        } else {
            from = number(range, min, max, names, field);
            to = slash >= 0 ? max : from;
        }
        // A range may wrap around (FRI-MON, 22-2): it runs to the end and on from the start.
        int span = to >= from ? to - from : (max - from) + (to - min) + 1;
        for (int i = 0; i <= span; i += step) {
            int v = from + i;
            if (v > max) v = v - max - 1 + min;
            bits.set(v);
        }
    }

    private static int number(String s, int min, int max, Map<String, Integer> names, String field) {
        Integer named = names.get(s);
        int v;
        if (named != null) {
            v = named;
        } else {
            try {
                v = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + ": '" + s + "' is not a number" + (names.isEmpty() ? "" : " or name"));
            }
        }
        if (v < min || v > max) throw new IllegalArgumentException(field + ": " + v + " is outside " + min + "-" + max);
        return v;
    }

    private static DaysOfMonth daysOfMonth(String spec) {
        BitSet days = new BitSet(32);
        boolean last = false;
        boolean lastWeekday = false;
        List<Integer> nearest = new ArrayList<>();
        for (String item : spec.split(",")) {
            if (item.equals("L")) {
                last = true;
            } else if (item.equals("LW")) {
                lastWeekday = true;
            } else if (item.endsWith("W")) {
                nearest.add(number(item.substring(0, item.length() - 1), 1, 31, Map.of(), "Day-of-month"));
            } else {
                addItem(days, item, 1, 31, Map.of(), "Day-of-month");
            }
        }
        return new DaysOfMonth(days, last, lastWeekday, nearest);
    }

    private static DaysOfWeek daysOfWeek(String spec) {
        BitSet days = new BitSet(8);
        List<Integer> last = new ArrayList<>();
        List<int[]> nth = new ArrayList<>();
        for (String item : spec.split(",")) {
            if (item.equals("L")) {
                days.set(7); // L alone: the last day of the week, Saturday
            } else if (item.endsWith("L")) {
                last.add(number(item.substring(0, item.length() - 1), 1, 7, DAYS, "Day-of-week"));
            } else if (item.contains("#")) {
                String[] dk = item.split("#", 2);
                nth.add(new int[] {number(dk[0], 1, 7, DAYS, "Day-of-week"), number(dk[1], 1, 5, Map.of(), "Day-of-week #")});
            } else {
                addItem(days, item, 1, 7, DAYS, "Day-of-week");
            }
        }
        return new DaysOfWeek(days, last, nth);
    }
}
