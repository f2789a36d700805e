package org.linli.http;

import java.util.ArrayList;
import java.util.List;

/**
 * A CSV table as Excel opens it with Chinese text: RFC 4180 (fields with a comma, quote, CR or LF
 * are quoted, quotes doubled, CRLF line ends), UTF-8 preceded by a byte-order mark - without the
 * BOM, Excel on Windows reads UTF-8 as the local code page and the Chinese turns to mojibake.
 * Text cells that would start a formula ({@code = + - @}, tab, CR) get a leading apostrophe, so a
 * name can never run as a formula in the spreadsheet (CSV injection); numbers are written as they are.
 * Written by hand on purpose, unlike the import's reader (Commons CSV): writing is 20 lines of
 * quoting, the formula guard would be ours anyway, and a first parse or print through Commons CSV
 * loads 44 classes of it, Commons IO and Codec on the KPI API's cold path.
 */
public final class Csv {
    public static final String BOM = "\uFEFF";

    private final List<String> lines = new ArrayList<>();

    public Csv(List<String> header) {
        row(new ArrayList<>(header));
    }

    /** A row of cells: Strings are text (guarded against formulas), Numbers and null are written as they are (null empty). */
    public Csv row(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) line.append(',');
            Object cell = cells.get(i);
            if (cell == null) continue;
            line.append(cell instanceof Number ? cell.toString() : field(text(cell.toString())));
        }
        lines.add(line.toString());
        return this;
    }

    public String toText() {
        return BOM + String.join("\r\n", lines) + "\r\n";
    }

    static String text(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) return "'" + s;
        return s;
    }

    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
