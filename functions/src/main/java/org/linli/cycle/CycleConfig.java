package org.linli.cycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.linli.core.Times;
import org.linli.json.ConfigFields;
import org.linli.json.Json;
import org.linli.notify.Texts;

/**
 * The monthly cycle, read once from {@code /config/cycle.json}: message kinds (audience and
 * words), calendars (steps with their day of the month) and the districts that follow them. The
 * schedules in template.yaml only say "ask now whether step X is due"; which district has which
 * step on which day is decided here, in Asia/Shanghai.
 */
public final class CycleConfig {
    private static final ConfigFields F = new ConfigFields("/config/cycle.json");
    private static volatile CycleConfig classpath;

    /** A message kind: who gets it and what it says. */
    public record Kind(String code, CycleAudience audience, String title, String body) {}

    /**
     * A step of a calendar: due on {@code day} (a day past the month's end means its last day),
     * about the cycle month {@code monthOffset} months before.
     */
    public record Step(String name, int day, int monthOffset, Integer deadlineDay, Integer eventDay, List<String> kinds) {
        public Step {
            kinds = List.copyOf(kinds);
        }

        boolean dueOn(LocalDate date) {
            return date.getDayOfMonth() == Math.min(day, date.lengthOfMonth());
        }
    }

    /** A district on a calendar; {@code steps} and {@code months} narrow it (empty: all). */
    public record District(String code, String calendar, Set<String> steps, Set<Integer> months) {
        public District {
            steps = Set.copyOf(steps);
            months = Set.copyOf(months);
        }

        boolean uses(String step, LocalDate date) {
            return (steps.isEmpty() || steps.contains(step)) && (months.isEmpty() || months.contains(date.getMonthValue()));
        }
    }

    private final Map<String, Kind> kinds;
    private final Map<String, List<Step>> calendars;
    private final List<District> districts;

    public CycleConfig(Map<String, Kind> kinds, Map<String, List<Step>> calendars, List<District> districts) {
        this.kinds = Map.copyOf(kinds);
        this.calendars = Map.copyOf(calendars);
        this.districts = List.copyOf(districts);
        validate();
    }

    public static CycleConfig fromClasspath() {
        CycleConfig c = classpath;
        if (c == null) {
            c = parse(ConfigFields.resource("/config/cycle.json"));
            classpath = c;
        }
        return c;
    }

    public static CycleConfig parse(String json) {
        JsonNode root = Json.parse(json);
        Map<String, Kind> kinds = new LinkedHashMap<>();
        F.need(root, "kinds").fields().forEachRemaining(e -> {
            JsonNode k = e.getValue();
            CycleAudience audience;
            try {
                audience = CycleAudience.valueOf(F.text(k, "audience"));
            } catch (IllegalArgumentException x) {
                throw F.fail("kind " + e.getKey() + ": unknown audience " + k.path("audience").asText());
            }
            kinds.put(e.getKey(), new Kind(e.getKey(), audience, F.text(k, "title"), F.text(k, "body")));
        });
        Map<String, List<Step>> calendars = new LinkedHashMap<>();
        F.need(root, "calendars").fields().forEachRemaining(e -> {
            List<Step> steps = new ArrayList<>();
            for (JsonNode s : e.getValue()) {
                List<String> stepKinds = new ArrayList<>();
                for (JsonNode k : F.need(s, "kinds")) stepKinds.add(k.asText());
                steps.add(new Step(F.text(s, "step"), F.integer(s, "day"), F.integer(s, "monthOffset", 0),
                        s.hasNonNull("deadlineDay") ? F.integer(s, "deadlineDay") : null,
                        s.hasNonNull("eventDay") ? F.integer(s, "eventDay") : null, stepKinds));
            }
            calendars.put(e.getKey(), steps);
        });
        List<District> districts = new ArrayList<>();
        for (JsonNode d : F.need(root, "districts")) {
            Set<String> steps = new HashSet<>();
            d.path("steps").forEach(s -> steps.add(s.asText()));
            Set<Integer> months = new HashSet<>();
            d.path("months").forEach(m -> months.add(m.asInt()));
            districts.add(new District(F.text(d, "code"), F.text(d, "calendar"), steps, months));
        }
        return new CycleConfig(kinds, calendars, districts);
    }

    private void validate() {
        kinds.values().forEach(k -> {
            for (String p : Texts.placeholders(k.title() + k.body())) {
                if (!k.audience().allows(p)) throw F.fail("kind " + k.code() + " uses {" + p + "}, which " + k.audience() + " does not give");
            }
        });
        calendars.forEach((name, steps) -> {
            Set<String> seen = new HashSet<>();
            for (Step s : steps) {
                if (!s.name().matches("[a-z][a-z0-9-]{0,30}")) throw F.fail("calendar " + name + ": step name " + s.name() + " must be lower-case words joined by '-'");
                if (!seen.add(s.name())) throw F.fail("calendar " + name + " has step " + s.name() + " twice");
                if (s.day() < 1 || s.day() > 31) throw F.fail("step " + s.name() + ": day must be 1-31");
                if (s.monthOffset() < 0 || s.monthOffset() > 2) throw F.fail("step " + s.name() + ": monthOffset must be 0-2");
                for (Integer d : new Integer[] {s.deadlineDay(), s.eventDay()}) {
                    if (d != null && (d < 1 || d > 31)) throw F.fail("step " + s.name() + ": deadlineDay and eventDay must be 1-31");
                }
                if (s.kinds().isEmpty()) throw F.fail("step " + s.name() + " has no kinds");
                for (String k : s.kinds()) if (!kinds.containsKey(k)) throw F.fail("step " + s.name() + " names unknown kind " + k);
            }
        });
        Set<String> codes = new HashSet<>();
        for (District d : districts) {
            if (!codes.add(d.code())) throw F.fail("district " + d.code() + " is listed twice");
            List<Step> steps = calendars.get(d.calendar());
            if (steps == null) throw F.fail("district " + d.code() + " names unknown calendar " + d.calendar());
            for (String s : d.steps()) {
                if (steps.stream().noneMatch(x -> x.name().equals(s))) throw F.fail("district " + d.code() + ": calendar " + d.calendar() + " has no step " + s);
            }
            for (int m : d.months()) if (m < 1 || m > 12) throw F.fail("district " + d.code() + ": months are 1-12");
        }
    }

    /** Every step name of every calendar (what the template's schedules may ask for). */
    public Set<String> stepNames() {
        Set<String> out = new TreeSet<>();
        calendars.values().forEach(steps -> steps.forEach(s -> out.add(s.name())));
        return out;
    }

    public Optional<Kind> kind(String code) {
        return Optional.ofNullable(kinds.get(code));
    }

    public List<District> districts() {
        return districts;
    }

    /**
     * The occurrences of {@code step} due at {@code at}: for each district whose calendar has the
     * step, uses it that month, and has it on that day of the month (Asia/Shanghai).
     */
    public List<Occurrence> due(String step, Instant at) {
        LocalDate today = at.atZone(Times.CHINA).toLocalDate();
        List<Occurrence> out = new ArrayList<>();
        for (District d : districts) {
            if (!d.uses(step, today)) continue;
            for (Step s : calendars.get(d.calendar())) {
                if (!s.name().equals(step) || !s.dueOn(today)) continue;
                out.add(new Occurrence(d.code(), s.name(), YearMonth.from(today).minusMonths(s.monthOffset()), today,
                        onOrAfter(today, s.deadlineDay()), onOrAfter(today, s.eventDay()), s.kinds()));
            }
        }
        return out;
    }

    /** The first date on or after {@code from} that falls on {@code day} (clamped to each month's length). */
    static LocalDate onOrAfter(LocalDate from, Integer day) {
        if (day == null) return null;
        LocalDate inMonth = from.withDayOfMonth(Math.min(day, from.lengthOfMonth()));
        if (!inMonth.isBefore(from)) return inMonth;
        LocalDate next = from.plusMonths(1).withDayOfMonth(1);
        return next.withDayOfMonth(Math.min(day, next.lengthOfMonth()));
    }
}
