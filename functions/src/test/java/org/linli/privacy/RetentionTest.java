package org.linli.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.testing.MutableClock;

class RetentionTest {
    /** The index and the data in maps: which cases were noted per day, which were anonymised, which are no longer closed. */
    private final Map<LocalDate, List<String>> notes = new HashMap<>();
    private final Set<String> reopened = new HashSet<>();
    private final List<String> anonymised = new ArrayList<>();
    private final List<LocalDate> daysRead = new ArrayList<>();

    private final ClosedCases index = new ClosedCases() {
        @Override
        public void closed(String caseId, LocalDate day) {
            notes.computeIfAbsent(day, d -> new ArrayList<>()).add(caseId);
        }

        @Override
        public List<String> closedOn(LocalDate day, int limit) {
            daysRead.add(day);
            List<String> ids = notes.getOrDefault(day, List.of());
            return List.copyOf(ids.subList(0, Math.min(limit, ids.size())));
        }

        @Override
        public void forget(String caseId, LocalDate day) {
            notes.get(day).remove(caseId);
        }
    };

    private final PersonalData data = new PersonalData() {
        @Override
        public Erased eraseContact(String reportId) {
            return new Erased(true, List.of());
        }

        @Override
        public Erased anonymiseClosedCase(String caseId, Instant closedBy) {
            if (reopened.contains(caseId)) return Erased.NOTHING;
            anonymised.add(caseId);
            return new Erased(true, List.of("pho_" + caseId));
        }
    };

    @Test
    void readsOnlyTheDueDayAndTheWeekBeforeAndMakesUpMissedDays() {
        // 2026-11-18 10:00 Beijing; 180 days earlier is 2026-05-22.
        MutableClock clock = new MutableClock(Instant.parse("2026-11-18T02:00:00Z"));
        List<String> erasedPhotos = new ArrayList<>();
        Retention retention = new Retention(index, data, Duration.ofDays(180), clock, erasedPhotos::addAll);
        index.closed("case_due", LocalDate.parse("2026-05-22"));
        index.closed("case_missed", LocalDate.parse("2026-05-17")); // a run five days ago did not happen
        index.closed("case_reopened", LocalDate.parse("2026-05-22"));
        reopened.add("case_reopened");
        index.closed("case_young", LocalDate.parse("2026-05-23")); // one day short of 180

        Retention.Result r = retention.run();

        assertEquals(LocalDate.parse("2026-05-15"), r.from());
        assertEquals(LocalDate.parse("2026-05-22"), r.to());
        assertEquals(List.of("case_missed", "case_due"), anonymised);
        assertEquals(2, r.anonymised());
        assertEquals(1, r.skipped());
        assertTrue(notes.get(LocalDate.parse("2026-05-22")).isEmpty(), "dealt-with notes are removed, reopened ones too");
        assertEquals(List.of("case_young"), notes.get(LocalDate.parse("2026-05-23")), "not due yet");
        assertEquals(List.of("pho_case_missed", "pho_case_due"), erasedPhotos, "the photos of anonymised cases are erased with them");
        assertEquals(8, daysRead.size(), "the due day and the " + Retention.CATCH_UP + " before it, one read each: no scan");
    }
}
