package org.linli.territory.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.linli.territory.imports.ImportProblem.Kind;

/**
 * RFC 4180 CSV as spreadsheets export it: a header row naming the columns (any order; case,
 * spaces, '_' and '-' ignored, so "User ID" is "userid"), quoted fields with doubled quotes and
 * line breaks, CRLF or LF, an optional UTF-8 byte-order mark. Blank lines are skipped.
 */
public final class Csv {
    private Csv() {}

    /** One data row: its 1-based line number in the file and its values by normalised column name. */
    public record Row(int line, Map<String, String> values) {
        public String get(String column) {
            String v = values.get(column);
            return v == null || v.isBlank() ? null : v.trim();
        }
    }

    /**
     * The rows of {@code text}, or none when the header lacks a {@code required} column (then a
     * problem says which). Columns outside {@code required} and {@code optional} are refused too:
     * a misspelt optional column would otherwise be silently empty.
     */
    public static List<Row> read(String text, String source, List<String> required, List<String> optional,
                                 List<ImportProblem> problems) {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        split(text, records, lines);
        if (records.isEmpty()) {
            problems.add(ImportProblem.whole(source, Kind.INVALID_FORMAT, source + ": the file is empty; it needs a header row "
                    + String.join(",", required)));
            return List.of();
        }
        List<String> header = new ArrayList<>();
        for (String h : records.get(0)) header.add(normalise(h));
        Set<String> known = new java.util.HashSet<>(required);
        known.addAll(optional);
        List<String> missing = required.stream().filter(r -> !header.contains(r)).toList();
        List<String> unknown = header.stream().filter(h -> !known.contains(h)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            String detail = (missing.isEmpty() ? "" : "missing column(s) " + String.join(", ", missing))
                    + (!missing.isEmpty() && !unknown.isEmpty() ? "; " : "")
                    + (unknown.isEmpty() ? "" : "unknown column(s) " + String.join(", ", unknown));
            problems.add(ImportProblem.line(source, lines.get(0), null, Kind.INVALID_FORMAT, null,
                    "the header must name " + String.join(",", required)
                            + (optional.isEmpty() ? "" : " (optionally " + String.join(",", optional) + ")") + ": " + detail));
            return List.of();
        }
        List<Row> rows = new ArrayList<>(records.size() - 1);
        for (int r = 1; r < records.size(); r++) {
            List<String> fields = records.get(r);
            if (fields.size() != header.size()) {
                problems.add(ImportProblem.line(source, lines.get(r), null, Kind.INVALID_FORMAT, null,
                        "has " + fields.size() + " field(s) but the header has " + header.size()));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) values.put(header.get(c), fields.get(c));
            rows.add(new Row(lines.get(r), values));
        }
        return rows;
    }

    static String normalise(String header) {
        return header.trim().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "").replace("-", "");
    }

    /** Splits into records of fields, remembering the line each record starts on. */
    static void split(String text, List<List<String>> records, List<Integer> lines) {
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            while (i < n) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        quoted = false;
                    } else {
                        if (c == '\n') line++;
                        field.append(c);
                    }
                    i++;
                    continue;
                }
                if (c == '"' && field.isEmpty()) {
                    quoted = true;
                    any = true;
                    i++;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    any = true;
                    i++;
                } else if (c == '\r' || c == '\n') {
                    i += (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') ? 2 : 1;
                    line++;
                    break;
                } else {
                    field.append(c);
                    if (!Character.isWhitespace(c)) any = true;
                    i++;
                }
            }
            if (!any) continue; // a blank line
            fields.add(field.toString());
            records.add(fields);
            lines.add(start);
        }
    }
}
