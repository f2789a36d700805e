package org.linli.territory.imports;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One uploaded piece of an import: {@code territory-0001} (a GeoJSON FeatureCollection holding a
 * slice of the features), {@code buildings-0001} or {@code rosters-0001} (a slice of a CSV file,
 * each repeating the header), {@code households-0001} (a community's register ledger, CSV) or
 * {@code orders-0001} (a slice of a 12345 hotline export of work orders, CSV, docs/hotline.md).
 * Parts of a kind are read in number order.
 */
public record ImportPart(Kind kind, int number) {
    private static final Pattern ID = Pattern.compile("(territory|buildings|rosters|households|orders)-(\\d{4})");

    public enum Kind {
        TERRITORY, BUILDINGS, ROSTERS, HOUSEHOLDS,
        /** A slice of a 12345 hotline export of work orders (CSV); an import of orders has no other parts. */
        ORDERS;

        public String prefix() {
            return name().toLowerCase(Locale.ROOT) + "-";
        }
    }

    public ImportPart {
        if (number < 1 || number > 9999) throw new IllegalArgumentException("part number 1..9999");
    }

    /** The part named by {@code id}, or null when it is not a part id. */
    public static ImportPart parse(String id) {
        Matcher m = id == null ? null : ID.matcher(id);
        if (m == null || !m.matches()) return null;
        int n = Integer.parseInt(m.group(2));
        return n == 0 ? null : new ImportPart(Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT)), n);
    }

    public String id() {
        return String.format(Locale.ROOT, "%s%04d", kind.prefix(), number);
    }

    /** An uploaded part with its content. */
    public record Content(ImportPart part, String text) {}
}
