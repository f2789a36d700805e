package org.linli.volunteer.grading;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A community's year-end grades: a DRAFT staff compute and adjust, then PUBLISHED (公示) and frozen. */
public record GradeSheet(String community, int year, State state, Instant computedAt, String computedBy,
                         Instant publishedAt, String publishedBy, List<GradeRow> rows) {
    public GradeSheet {
        rows = List.copyOf(rows);
    }

    public Optional<GradeRow> row(String memberId) {
        return rows.stream().filter(r -> r.memberId().equals(memberId)).findFirst();
    }

    /** Draft or published. */
    public enum State { DRAFT, PUBLISHED }
}
