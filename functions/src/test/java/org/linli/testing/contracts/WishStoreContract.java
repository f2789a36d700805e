package org.linli.testing.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linli.core.Ids;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.wishes.Claim;
import org.linli.volunteer.wishes.Wish;
import org.linli.volunteer.wishes.WishContent;
import org.linli.volunteer.wishes.WishState;
import org.linli.volunteer.wishes.WishStore;

/**
 * What every {@link WishStore} does with a wish's writes, written once: run against InMemoryWishes
 * and against DynamoDB Local. Ids are fresh per test (the table is shared).
 */
public abstract class WishStoreContract {
    protected abstract WishStore store();

    private static final Instant AT = Instant.parse("2026-11-18T02:00:00Z");
    private static final Community W1 = new Community("DEMO-W1", "柳园社区", List.of("DEMO", "DEMO-W", "DEMO-W1"));
    private final String run = UUID.randomUUID().toString();

    private String user(String name) {
        return Ids.derived("usr", run, name);
    }

    private Wish placed(String name) {
        return Wish.placed(Ids.derived("wsh", run, name), W1, user("resident"),
                new WishContent("修理台灯", "台灯不亮了", AT.plus(Duration.ofDays(3)), "3号楼", List.of(), "王芳", "13812341234"),
                "fp-" + name, AT);
    }

    private Wish published(String name, String offeredTo) {
        Wish w = placed(name).published(offeredTo, user("staff"), null, AT.plusSeconds(60));
        store().insertNew(placed(name));
        assertTrue(store().save(w));
        return w;
    }

    private Claim claimBy(String member) {
        return new Claim(user(member), "志愿者", AT.plusSeconds(120), AT.plus(Duration.ofDays(2)));
    }

    @Test
    void aWishIsInsertedOnceAndFoundAsStored() {
        Wish w = placed("a");
        assertEquals(Optional.empty(), store().insertNew(w));
        assertEquals(Optional.of(w), store().find(w.id()));
        Wish retried = Wish.placed(w.id(), W1, w.residentId(), w.content(), "other", AT.plusSeconds(5));
        assertEquals(Optional.of(w), store().insertNew(retried), "a retried placement gets the stored wish");
        assertEquals(Optional.empty(), store().find(Ids.derived("wsh", run, "nothing")));
    }

    @Test
    void aSaveLandsOnlyOverTheVersionItWasReadAt() {
        Wish w = placed("b");
        store().insertNew(w);
        Wish next = w.published(null, user("staff"), null, AT.plusSeconds(60));
        assertTrue(store().save(next));
        assertFalse(store().save(w.declined("late", user("staff"), AT.plusSeconds(90))), "written over a version that is gone");
        assertEquals(WishState.PUBLISHED, store().find(w.id()).orElseThrow().state());
    }

    @Test
    void exactlyOneClaimWins() {
        Wish w = published("c", null);
        WishStore.ClaimResult first = store().claim(w.claimed(claimBy("m1")));
        assertTrue(first.won());
        WishStore.ClaimResult second = store().claim(w.claimed(claimBy("m2")));
        assertFalse(second.won());
        assertEquals(user("m1"), second.current().orElseThrow().claim().memberId(), "the loser reads who won");
    }

    @Test
    void aDispatchedWishIsClaimedOnlyByItsMember() {
        Wish w = published("d", user("m1"));
        assertFalse(store().claim(w.claimed(claimBy("m2"))).won());
        assertTrue(store().claim(w.claimed(claimBy("m1"))).won());
    }

    @Test
    void aWishNotPublishedCannotBeClaimed() {
        Wish w = placed("e");
        store().insertNew(w);
        WishStore.ClaimResult r = store().claim(w.claimed(claimBy("m1")));
        assertFalse(r.won());
        assertEquals(WishState.PENDING_REVIEW, r.current().orElseThrow().state());
    }
}
