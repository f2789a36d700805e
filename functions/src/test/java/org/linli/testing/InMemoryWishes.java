package org.linli.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.linli.core.Page;
import org.linli.core.RateLimit;
import org.linli.volunteer.membership.MemberStore;
import org.linli.volunteer.points.AwardOutcome;
import org.linli.volunteer.points.PointsAward;
import org.linli.volunteer.wishes.Wish;
import org.linli.volunteer.wishes.WishState;
import org.linli.volunteer.wishes.WishStore;

/**
 * Wishes in a map, with the adapter's conditions: a save lands only over the version it was read
 * at, a claim only on a PUBLISHED wish nobody holds that is offered to everyone or to the claimant,
 * a fulfilment together with its points award. Listings page by position (the cursor is an offset).
 */
public final class InMemoryWishes implements WishStore {
    public final Map<String, Wish> byId = new ConcurrentHashMap<>();
    public final List<PointsAward> awards = new ArrayList<>();
    private final MemberStore members;

    public InMemoryWishes(MemberStore members) {
        this.members = members;
    }

    @Override
    public synchronized Optional<Wish> insertNew(Wish wish, RateLimit.Charge charge) {
        return Optional.ofNullable(byId.putIfAbsent(wish.id(), wish));
    }

    @Override
    public Optional<Wish> find(String wishId) {
        return Optional.ofNullable(byId.get(wishId));
    }

    @Override
    public ClaimContext claimContext(String memberId, String wishId) {
        return new ClaimContext(members.membership(memberId), find(wishId));
    }

    @Override
    public synchronized ClaimResult claim(Wish claimed) {
        Wish now = byId.get(claimed.id());
        boolean open = now != null && now.state() == WishState.PUBLISHED && now.claim() == null
                && (now.offeredTo() == null || now.offeredTo().equals(claimed.claim().memberId()));
        if (open) byId.put(claimed.id(), claimed);
        return new ClaimResult(open, Optional.ofNullable(byId.get(claimed.id())));
    }

    @Override
    public synchronized boolean save(Wish next) {
        Wish now = byId.get(next.id());
        if (now == null || now.version() != next.version() - 1) return false;
        byId.put(next.id(), next);
        return true;
    }

    @Override
    public synchronized AwardOutcome fulfil(Wish fulfilled, PointsAward award) {
        if (awards.stream().anyMatch(a -> a.memberId().equals(award.memberId()) && a.rule() == award.rule()
                && fulfilled.id().equals(a.sourceId()))) {
            return AwardOutcome.DUPLICATE;
        }
        if (!save(fulfilled)) return AwardOutcome.STALE;
        awards.add(award);
        return AwardOutcome.DONE;
    }

    @Override
    public Page<Wish> byState(String communityCode, WishState state, Instant sortBefore, int limit, String cursor) {
        boolean newestFirst = state == WishState.COMPLETED || state == WishState.FULFILLED;
        Comparator<Wish> order = Comparator.comparing(InMemoryWishes::sortTime);
        return page(w -> w.community().code().equals(communityCode) && w.state() == state
                && (sortBefore == null || sortTime(w).isBefore(sortBefore)), newestFirst ? order.reversed() : order, limit, cursor);
    }

    private static Instant sortTime(Wish w) {
        if (w.state() == WishState.CLAIMED && w.claim() != null) return w.claim().serveBy();
        return w.publishedAt() != null ? w.publishedAt() : w.createdAt();
    }

    @Override
    public Page<Wish> byResident(String residentId, int limit, String cursor) {
        return page(w -> w.residentId().equals(residentId), Comparator.comparing(Wish::createdAt).reversed(), limit, cursor);
    }

    @Override
    public Page<Wish> byClaimant(String memberId, int limit, String cursor) {
        return page(w -> w.claim() != null && w.claim().memberId().equals(memberId),
                Comparator.comparing((Wish w) -> w.claim().serveBy()).reversed(), limit, cursor);
    }

    private Page<Wish> page(Predicate<Wish> which, Comparator<Wish> order, int limit, String cursor) {
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        List<Wish> all = byId.values().stream().filter(which).sorted(order).toList();
        List<Wish> page = all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
        return new Page<>(page, from + limit < all.size() ? String.valueOf(from + limit) : null);
    }
}
