package org.linli.handlers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.linli.cases.CaseRegister;
import org.linli.cases.CaseStatus;
import org.linli.categories.Categories;
import org.linli.categories.MatterType;
import org.linli.core.FieldError;
import org.linli.core.Ids;
import org.linli.core.ValidationFailed;
import org.linli.http.ApiRequest;
import org.linli.report.Source;

/** The case register's query (GET /cases) read and checked for form; every problem is reported at once, per field. */
final class RegisterParams {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TAIL = Pattern.compile("\\d{4}");
    /** Longer day ranges would only walk empty months: the register's month walk is bounded by this too. */
    private static final int MAX_DAYS = 3660;

    private RegisterParams() {}

    static CaseRegister.Filters read(ApiRequest r, Categories categories) {
        List<FieldError> problems = new ArrayList<>();
        Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
        for (String s : r.query("status").map(v -> v.split(",")).orElse(new String[0])) {
            try {
                statuses.add(CaseStatus.valueOf(s.trim()));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldError("status", "unknown status '" + s.trim() + "'; one or more of " + names(CaseStatus.values())
                        + ", comma-separated"));
                break;
            }
        }
        String category = r.query("category").orElse(null);
        if (category != null && categories.find(category).isEmpty()) problems.add(new FieldError("category", "unknown category"));
        MatterType matterType = enumOf(r, "matterType", MatterType.values(), problems);
        Source source = enumOf(r, "source", Source.values(), problems);
        String unit = r.query("unit").orElse(null);
        if (unit != null && !CODE.matcher(unit).matches()) problems.add(new FieldError("unit", "is not a territory code"));
        LocalDate from = day(r, "openedFrom", problems);
        LocalDate to = day(r, "openedTo", problems);
        if (from != null && to != null && from.isAfter(to)) problems.add(new FieldError("openedTo", "is before openedFrom"));
        if (from != null && to != null && from.plusDays(MAX_DAYS).isBefore(to)) {
            problems.add(new FieldError("openedTo", "the range may span at most " + MAX_DAYS + " days"));
        }
        boolean overdue = false;
        String o = r.query("overdue").orElse("false");
        if (o.equals("true")) overdue = true;
        else if (!o.equals("false")) problems.add(new FieldError("overdue", "must be true or false"));
        String tail = r.query("phoneLast4").orElse(null);
        if (tail != null && !TAIL.matcher(tail).matches()) problems.add(new FieldError("phoneLast4", "must be the last 4 digits of a phone number"));
        String caseId = r.query("caseId").orElse(null);
        if (caseId != null && !Ids.looksLike(caseId, "case")) problems.add(new FieldError("caseId", "is not a case id (case_…)"));
        if (!problems.isEmpty()) throw new ValidationFailed("The register's filters are invalid.", problems);
        return new CaseRegister.Filters(unit, statuses, category, matterType, source == null ? null : source.name(), from, to,
                overdue, tail, caseId);
    }

    private static <E extends Enum<E>> E enumOf(ApiRequest r, String name, E[] values, List<FieldError> problems) {
        String v = r.query(name).orElse(null);
        if (v == null) return null;
        for (E e : values) if (e.name().equals(v)) return e;
        problems.add(new FieldError(name, "must be one of " + names(values)));
        return null;
    }

    private static LocalDate day(ApiRequest r, String name, List<FieldError> problems) {
        String v = r.query(name).orElse(null);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(new FieldError(name, "must be a day, YYYY-MM-DD (Beijing time)"));
            return null;
        }
    }

    private static String names(Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> e : values) out.add(e.name());
        return String.join(", ", out);
    }
}
