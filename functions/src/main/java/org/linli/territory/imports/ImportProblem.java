package org.linli.territory.imports;

/**
 * One problem found in an import, precise enough to fix without guessing: where ({@code source}
 * and {@code index}: the feature's position in the GeoJSON, 0-based, or the CSV line, 1-based),
 * which code, which kind of problem ({@link Kind}), the field concerned (null when the whole
 * feature is), and a sentence that says all of it.
 */
public record ImportProblem(String source, int index, String code, Kind problem, String field, String message) {
    public static final String TERRITORY = "territory";
    public static final String BUILDINGS = "buildings";
    public static final String ROSTERS = "rosters";

    /** What is wrong; stable names that clients may count and filter on. */
    public enum Kind {
        INVALID_FORMAT, MISSING_FIELD, INVALID_VALUE, DUPLICATE_CODE, UNKNOWN_PARENT, WRONG_PARENT_LEVEL, ROOT,
        MISSING_BOUNDARY, INVALID_GEOMETRY, SELF_INTERSECTION, COORDINATE_OUT_OF_RANGE, OUTSIDE_PARENT,
        SIBLING_OVERLAP, UNKNOWN_NODE, WRONG_NODE_LEVEL, OUTSIDE_NODE, DUPLICATE_MEMBER, OUT_OF_SCOPE
    }

    /** A problem of the GeoJSON feature at {@code index}: "feature 7 (DEMO-W1-G2): ...". */
    public static ImportProblem feature(int index, String code, Kind kind, String field, String detail) {
        return new ImportProblem(TERRITORY, index, code, kind, field, "feature " + index + name(code) + ": " + detail);
    }

    /** A problem of a CSV line: "rosters line 4 (DEMO-W1-G2): ...". */
    public static ImportProblem line(String source, int line, String code, Kind kind, String field, String detail) {
        return new ImportProblem(source, line, code, kind, field, source + " line " + line + name(code) + ": " + detail);
    }

    /** A problem of the import as a whole (no root at all, no parts). */
    public static ImportProblem whole(String source, Kind kind, String detail) {
        return new ImportProblem(source, -1, null, kind, null, detail);
    }

    private static String name(String code) {
        return code == null || code.isEmpty() ? "" : " (" + code + ")";
    }
}
