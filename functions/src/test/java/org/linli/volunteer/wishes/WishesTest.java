package org.linli.volunteer.wishes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.linli.core.DomainException;
import org.linli.core.Ids;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.json.Json;
import org.linli.testing.InMemoryMembers;
import org.linli.testing.InMemoryPoints;
import org.linli.testing.InMemoryWishes;
import org.linli.testing.MutableClock;
import org.linli.volunteer.Rating;
import org.linli.volunteer.VolunteerRules;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.MembershipStatus;
import org.linli.volunteer.points.RatingEvent;

/**
 * Every action of the wish loop on a wish in every state, as CaseRulesTest does for cases: the
 * state it leads to, or the refusal's code - and a refused action leaves the stored wish as it was.
 */
class WishesTest {
    private static final Instant NOW = Instant.parse("2026-11-18T02:00:00Z");
    private static final Community W1 = new Community("W1", "柳园社区", List.of("D", "W", "W1"));
    private static final String RESIDENT = Ids.derived("usr", "resident");
    private static final String HOLDER = Ids.derived("usr", "holder");
    private static final String OTHER = Ids.derived("usr", "other");
    private static final Principal STAFF = new Principal(Ids.derived("usr", "staff"), Set.of(Role.COMMUNITY_STAFF), Set.of("W1"));

    enum Action { APPROVE, DECLINE, CLAIM, COMPLETE, CONFIRM, DISPUTE, RELEASE, REASSIGN }

    /** What each action does from each state: "→STATE" (stored), "replayed", or the refusal's code. */
    private static final Map<Action, Map<WishState, String>> EXPECTED = new EnumMap<>(Action.class);

    private static void expect(Action a, String pending, String declined, String published, String claimed, String completed,
                               String fulfilled) {
        Map<WishState, String> m = new EnumMap<>(WishState.class);
        m.put(WishState.PENDING_REVIEW, pending);
        m.put(WishState.DECLINED, declined);
        m.put(WishState.PUBLISHED, published);
        m.put(WishState.CLAIMED, claimed);
        m.put(WishState.COMPLETED, completed);
        m.put(WishState.FULFILLED, fulfilled);
        EXPECTED.put(a, m);
    }

    static {
        //                       PENDING_REVIEW   DECLINED         PUBLISHED        CLAIMED            COMPLETED        FULFILLED
        expect(Action.APPROVE,  "→PUBLISHED",    "WRONG_STATE",   "WRONG_STATE",   "WRONG_STATE",     "WRONG_STATE",   "WRONG_STATE");
        expect(Action.DECLINE,  "→DECLINED",     "WRONG_STATE",   "WRONG_STATE",   "WRONG_STATE",     "WRONG_STATE",   "WRONG_STATE");
        expect(Action.CLAIM,    "WISH_NOT_OPEN", "WISH_NOT_OPEN", "→CLAIMED",      "ALREADY_CLAIMED", "ALREADY_CLAIMED", "ALREADY_CLAIMED");
        expect(Action.COMPLETE, "NOT_FOUND",     "NOT_FOUND",     "NOT_FOUND",     "→COMPLETED",      "WRONG_STATE",   "WRONG_STATE");
        expect(Action.CONFIRM,  "WRONG_STATE",   "WRONG_STATE",   "WRONG_STATE",   "WRONG_STATE",     "→FULFILLED",    "replayed");
        expect(Action.DISPUTE,  "WRONG_STATE",   "WRONG_STATE",   "WRONG_STATE",   "WRONG_STATE",     "→CLAIMED",      "WRONG_STATE");
        expect(Action.RELEASE,  "WRONG_STATE",   "WRONG_STATE",   "WRONG_STATE",   "→PUBLISHED",      "WRONG_STATE",   "WRONG_STATE");
        expect(Action.REASSIGN, "WRONG_STATE",   "WRONG_STATE",   "WRONG_STATE",   "→CLAIMED",        "WRONG_STATE",   "WRONG_STATE");
    }

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryMembers members = new InMemoryMembers();
    private final InMemoryWishes store = new InMemoryWishes(members);
    private final List<RatingEvent> ratings = new ArrayList<>();
    private final Wishes wishes = new Wishes(store, members, code -> code.equals("W1") ? Optional.of(W1) : Optional.empty(), ratings::add,
            new InMemoryPoints(store.awards, members), VolunteerRules.fromClasspath(), clock);

    WishesTest() {
        for (String m : List.of(HOLDER, OTHER)) {
            members.byId.put(m, new Membership(m, W1, "志愿者", "13800000000", List.of(), null, null, MembershipStatus.APPROVED,
                    NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(29)), STAFF.userId(), null, 0, 0));
        }
    }

    /** A wish of {@link #RESIDENT} brought to {@code state} the way the loop brings it there; HOLDER holds it once claimed. */
    private Wish in(WishState state) {
        Instant t = NOW.minus(Duration.ofHours(5));
        Wish w = Wish.placed(Ids.derived("wsh", state.name()), W1, RESIDENT,
                new WishContent("修理台灯", "台灯不亮了", NOW.plus(Duration.ofDays(3)), "3号楼", List.of(), "王芳", "13812341234"), "fp", t);
        if (state == WishState.DECLINED) return w.declined("不属于微心愿", STAFF.userId(), t.plusSeconds(60));
        if (state == WishState.PENDING_REVIEW) return w;
        w = w.published(null, STAFF.userId(), null, t.plusSeconds(60));
        if (state == WishState.PUBLISHED) return w;
        w = w.claimed(new Claim(HOLDER, "志愿者", t.plusSeconds(120), NOW.plus(Duration.ofDays(2))));
        if (state == WishState.CLAIMED) return w;
        w = w.completed(new Completion(t.plusSeconds(180), null, List.of("uploads/after.jpg")));
        if (state == WishState.COMPLETED) return w;
        return w.fulfilled(new Rating(5, null, t.plusSeconds(240)));
    }

    private String run(Action a, String id) {
        Principal resident = new Principal(RESIDENT, Set.of(Role.RESIDENT), Set.of());
        Principal holder = new Principal(HOLDER, Set.of(Role.RESIDENT), Set.of());
        Principal other = new Principal(OTHER, Set.of(Role.RESIDENT), Set.of());
        try {
            Object out = switch (a) {
                case APPROVE -> wishes.review(STAFF, id, Json.parse("{\"decision\":\"APPROVE\"}"));
                case DECLINE -> wishes.review(STAFF, id, Json.parse("{\"decision\":\"DECLINE\",\"reason\":\"不属于微心愿\"}"));
                case CLAIM -> wishes.claim(other, id);
                case COMPLETE -> wishes.complete(holder, id, Json.parse("{\"evidencePhotoKeys\":[\"uploads/after.jpg\"]}"));
                case CONFIRM -> wishes.confirm(resident, id, Json.parse("{\"accepted\":true,\"score\":5}"));
                case DISPUTE -> wishes.confirm(resident, id, Json.parse("{\"accepted\":false,\"reason\":\"没有上门\"}"));
                case RELEASE -> wishes.release(STAFF, id, Json.parse("{\"reason\":\"联系不上\"}"));
                case REASSIGN -> wishes.reassign(STAFF, id, Json.parse("{\"memberId\":\"" + OTHER + "\",\"reason\":\"换人\"}"));
            };
            if (out instanceof Wishes.Outcome o && o.replayed()) return "replayed";
            return "→" + store.find(id).orElseThrow().state();
        } catch (DomainException e) {
            return e.code();
        }
    }

    @TestFactory
    List<DynamicTest> everyActionFromEveryState() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Action a : Action.values()) {
            for (WishState s : WishState.values()) {
                tests.add(DynamicTest.dynamicTest(a + " on " + s, () -> {
                    Wish before = in(s);
                    store.byId.put(before.id(), before);
                    String expected = EXPECTED.get(a).get(s);
                    assertEquals(expected, run(a, before.id()));
                    Wish after = store.find(before.id()).orElseThrow();
                    if (!expected.startsWith("→")) assertEquals(before, after, "a refused or replayed action writes nothing");
                    else assertEquals(before.version() + 1, after.version(), "one write over the version read");
                    if (a == Action.REASSIGN && expected.startsWith("→")) assertEquals(OTHER, after.claim().memberId());
                    if (a == Action.CONFIRM && expected.startsWith("→")) {
                        assertEquals(1, store.awards.size(), "the member's points, in the same write");
                        assertEquals(1, ratings.size(), "the rating, to the queue");
                    }
                }));
            }
        }
        assertEquals(Action.values().length * WishState.values().length, tests.size());
        return tests;
    }
}
