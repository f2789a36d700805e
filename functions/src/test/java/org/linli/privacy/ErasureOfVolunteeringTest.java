package org.linli.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.core.Page;
import org.linli.identity.ErasureRecord;
import org.linli.identity.GrantTargets;
import org.linli.identity.Principal;
import org.linli.identity.Promotions;
import org.linli.identity.Role;
import org.linli.identity.UserAccount;
import org.linli.report.ReportStore;
import org.linli.testing.InMemoryCasesTable;
import org.linli.testing.InMemoryUsers;

/** An erasure reaches the volunteer feature: every wish he placed (all pages) loses its contact, his registration its name and phone. */
class ErasureOfVolunteeringTest {
    private static final String USER = "usr_01JD0000000000000000000000";
    private static final String OTHER = "usr_01JD0000000000000000000001";

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryUsers users = new InMemoryUsers();

    /** Wishes by id: placer, contact phone, photos. */
    private record WishRow(String placer, String phone, List<String> photos) {}

    private final Map<String, WishRow> wishes = new LinkedHashMap<>();
    private final Map<String, String[]> members = new LinkedHashMap<>(); // userId -> {name, phone}
    private final List<Integer> pageSizes = new ArrayList<>();
    private final List<String> erasedPhotos = new ArrayList<>();

    private final VolunteerData volunteers = new VolunteerData() {
        @Override
        public Page<String> wishesPlacedBy(String userId, int limit, String cursor) {
            List<String> mine = wishes.entrySet().stream().filter(e -> e.getValue().placer().equals(userId)).map(Map.Entry::getKey).toList();
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            int to = Math.min(mine.size(), from + limit);
            pageSizes.add(to - from);
            return new Page<>(mine.subList(from, to), to < mine.size() ? String.valueOf(to) : null);
        }

        @Override
        public Erased eraseWishContact(String wishId) {
            WishRow w = wishes.get(wishId);
            if (w == null) return Erased.NOTHING;
            wishes.put(wishId, new WishRow(w.placer(), null, List.of()));
            return new Erased(true, w.photos());
        }

        @Override
        public boolean anonymiseMembership(String userId, String pseudonym) {
            if (!members.containsKey(userId)) return false;
            members.put(userId, new String[] {pseudonym, null});
            return true;
        }
    };

    /** He filed no report here: the cases table's fake, empty (its contract: ReportStoreContract). */
    private final ReportStore noReports = new InMemoryCasesTable().reportStore;

    private final PersonalData noData = new PersonalData() {
        @Override public Erased eraseContact(String reportId) { return Erased.NOTHING; }
        @Override public Erased anonymiseClosedCase(String caseId, Instant closedBy) { return Erased.NOTHING; }
    };

    private Erasures erasures() {
        return new Erasures(users, new Promotions(users, GrantTargets.NONE, clock), noReports, noData, clock,
                erasedPhotos::addAll, volunteers);
    }

    @Test
    void everyWishHePlacedLosesItsContactAndPhotosAndHisRegistrationItsNameAndPhone() {
        users.save(new UserAccount(USER, "o1", null, "王芳", Set.of(Role.RESIDENT), Set.of(), clock.instant()));
        for (int i = 0; i < 120; i++) wishes.put("wsh_" + i, new WishRow(USER, "13912345678", i == 7 ? List.of("pho_a", "pho_b") : List.of()));
        wishes.put("wsh_other", new WishRow(OTHER, "13800000000", List.of("pho_other")));
        members.put(USER, new String[] {"王芳", "13912345678"});
        members.put(OTHER, new String[] {"李强", "13800000000"});

        ErasureRecord done = erasures().eraseOwn(new Principal(USER, Set.of(Role.RESIDENT), Set.of()));

        assertEquals(ErasureRecord.State.DONE, done.state());
        assertEquals(List.of(50, 50, 20), pageSizes, "bounded pages of the ByUser index, all followed");
        wishes.forEach((id, w) -> {
            if (w.placer().equals(USER)) assertNull(w.phone(), id);
        });
        assertEquals("13800000000", wishes.get("wsh_other").phone(), "another resident's wish is untouched");
        assertEquals(List.of("pho_a", "pho_b"), erasedPhotos, "the photos his wishes named go to the photo eraser");
        assertEquals(Erasures.ERASED_NAME, members.get(USER)[0]);
        assertNull(members.get(USER)[1]);
        assertEquals("李强", members.get(OTHER)[0]);
    }

    @Test
    void aResidentWithoutWishesOrRegistrationIsErasedAsBefore() {
        users.save(new UserAccount(USER, "o1", null, "王芳", Set.of(Role.RESIDENT), Set.of(), clock.instant()));

        ErasureRecord done = erasures().eraseOwn(new Principal(USER, Set.of(Role.RESIDENT), Set.of()));

        assertEquals(ErasureRecord.State.DONE, done.state());
        assertEquals(List.of(0), pageSizes);
        assertTrue(erasedPhotos.isEmpty());
        assertTrue(members.isEmpty());
    }
}
