package org.linli.open311;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.core.FieldError;
import org.linli.core.Ids;
import org.linli.core.ValidationFailed;
import org.linli.core.format.DateTime;

/**
 * The arguments of GET requests, as the GeoReport v2 text has them: {@code service_request_id}
 * (comma delimited) overrides all other arguments; {@code service_code} and {@code status}
 * (open, closed) may be comma delimited; {@code start_date}/{@code end_date} are W3C date-times
 * with a time zone, may not span more than 90 days, and default to the most recent 90 days; at
 * most the first 1000 requests are returned. An empty argument is the same as an absent one.
 */
public record RequestFilter(List<String> ids, Set<String> serviceCodes, Set<String> statuses, Instant start, Instant end) {
    public static final int LIMIT = 1000;
    public static final Duration MAX_SPAN = Duration.ofDays(90);

    public RequestFilter {
        ids = ids == null ? null : List.copyOf(ids);
        serviceCodes = Set.copyOf(serviceCodes);
        statuses = Set.copyOf(statuses);
    }

    public boolean byIds() {
        return ids != null;
    }

    public static RequestFilter parse(Map<String, String> query, Instant now) {
        String ids = value(query, "service_request_id");
        if (ids != null) {
            List<String> list = new ArrayList<>(new LinkedHashSet<>(split(ids)));
            if (list.isEmpty()) throw ValidationFailed.of("service_request_id", "names no id");
            if (list.size() > LIMIT) throw ValidationFailed.of("service_request_id", "names more than " + LIMIT + " ids");
            // Service request ids are case ids: anything else is a malformed argument, not an unknown request.
            if (!list.stream().allMatch(id -> Ids.looksLike(id, "case"))) {
                throw ValidationFailed.of("service_request_id", "names something that is not a service request id");
            }
            return new RequestFilter(list, Set.of(), Set.of(), null, null);
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        String c = value(query, "service_code");
        if (c != null) codes.addAll(split(c));
        Set<String> statuses = new LinkedHashSet<>();
        String s = value(query, "status");
        if (s != null) {
            for (String each : split(s)) {
                if (each.equals("open") || each.equals("closed")) statuses.add(each);
                else errors.add(new FieldError("status", "'" + each + "' is not a status: open, closed"));
            }
        }
        Instant start = date(query, "start_date", errors);
        Instant end = date(query, "end_date", errors);
        if (errors.isEmpty()) {
            if (start == null && end == null) {
                end = now;
                start = now.minus(MAX_SPAN);
            } else if (start == null) {
                start = end.minus(MAX_SPAN);
            } else if (end == null) {
                end = start.plus(MAX_SPAN);
            }
            if (end.isBefore(start)) errors.add(new FieldError("end_date", "is before start_date"));
            else if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
                errors.add(new FieldError("end_date", "start_date and end_date may not span more than 90 days"));
            }
        }
        if (!errors.isEmpty()) throw new ValidationFailed("The request arguments are invalid.", errors);
        return new RequestFilter(null, codes, statuses, start, end);
    }

    private static Instant date(Map<String, String> query, String name, List<FieldError> errors) {
        String v = value(query, name);
        if (v == null) return null;
        Instant at = DateTime.parse(v);
        if (at == null) errors.add(new FieldError(name, "must be a W3C date-time with a time zone between 1970 and 9999, e.g. 2010-01-01T00:00:00Z"));
        return at;
    }

    private static String value(Map<String, String> query, String name) {
        String v = query.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static List<String> split(String csv) {
        List<String> out = new ArrayList<>();
        for (String p : csv.split(",")) if (!p.isBlank()) out.add(p.trim());
        return out;
    }
}
