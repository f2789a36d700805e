package org.linli.territory.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.linli.territory.imports.ImportProblem.Kind;

/**
 * RFC 4180 CSV as spreadsheets export it: a header row naming the columns (any order; case,
 * spaces, '_' and '-' ignored, so "User ID" is "userid"), quoted fields with doubled quotes and
 * line breaks, CRLF or LF, an optional UTF-8 byte-order mark. Blank lines are skipped. Parsing is
 * Apache Commons CSV's; this class keeps what the import adds: column names, line numbers in
 * problems, unknown and missing columns.
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
        return read(text, source, required, optional, Map.of(), false, problems);
    }

    /**
     * The rows of another system's export (a 12345 platform's daily orders): columns named by any of
     * {@code aliases} (normalised header → column, e.g. 工单编号 → orderno) or by their own names;
     * the export's other columns are ignored - it has dozens this import does not read.
     */
    public static List<Row> readExport(String text, String source, List<String> required, List<String> optional,
                                       Map<String, String> aliases, List<ImportProblem> problems) {
        return read(text, source, required, optional, aliases, true, problems);
    }

    private static List<Row> read(String text, String source, List<String> required, List<String> optional,
                                  Map<String, String> aliases, boolean ignoreUnknown, List<ImportProblem> problems) {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int before = problems.size();
        split(text, source, records, lines, problems);
        if (problems.size() > before) return List.of();
        if (records.isEmpty()) {
            problems.add(ImportProblem.whole(source, Kind.INVALID_FORMAT, source + ": the file is empty; it needs a header row "
                    + String.join(",", required)));
            return List.of();
        }
        List<String> header = new ArrayList<>();
        for (String h : records.get(0)) {
            String n = normalise(h);
            header.add(aliases.getOrDefault(n, n));
        }
        Set<String> known = new java.util.HashSet<>(required);
        known.addAll(optional);
        List<String> missing = required.stream().filter(r -> !header.contains(r)).toList();
        List<String> unknown = ignoreUnknown ? List.of() : header.stream().filter(h -> !known.contains(h)).toList();
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

    /** Spreadsheet CSV: RFC 4180 quoting, CRLF or LF, empty lines skipped; a malformed quote is an error. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /**
     * Splits into records of fields (Apache Commons CSV), remembering the line each record starts
     * on. A malformed record (text after a closing quote, a quote never closed) is a problem on
     * its line and no row is read: what follows it cannot be trusted to be split right.
     */
    static void split(String text, String source, List<List<String>> records, List<Integer> lines, List<ImportProblem> problems) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int[] lineStarts = lineStarts(body);
        try (CSVParser parser = CSVParser.parse(body, FORMAT)) {
            Iterator<CSVRecord> it = parser.iterator();
            long linesRead = 0; // line breaks up to the end of the last good record
            while (true) {
                CSVRecord record;
                try {
                    if (!it.hasNext()) break;
                    record = it.next();
                } catch (UncheckedIOException e) {
                    int line = lineOf(lineStarts, skipLineBreaks(body, lineStarts[(int) Math.min(linesRead, lineStarts.length - 1)]));
                    problems.add(ImportProblem.line(source, line, null, Kind.INVALID_FORMAT, null,
                            "is not valid CSV (" + reason(e) + "); quote a field that holds a comma, a quote or a line break"));
                    return;
                }
                linesRead = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) continue; // a line of spaces is a blank line
                records.add(record.toList());
                lines.add(lineOf(lineStarts, skipLineBreaks(body, record.getCharacterPosition())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String reader does not fail
        }
    }

    private static String reason(UncheckedIOException e) {
        String m = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        if (m == null) return "malformed";
        if (m.contains("EOF")) return "a quoted field is never closed";
        if (m.contains("encapsulated")) return "text after a closing quote";
        return "malformed";
    }

    /** The offset each line starts at (LF, CRLF or a lone CR ends a line). */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A record's position is where the parser stood: before the empty lines it skipped. */
    private static long skipLineBreaks(String text, long offset) {
        int i = (int) offset;
        while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) i++;
        return i;
    }

    private static int lineOf(int[] lineStarts, long offset) {
        int i = Arrays.binarySearch(lineStarts, (int) offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
