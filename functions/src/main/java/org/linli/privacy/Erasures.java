package org.linli.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.linli.core.Forbidden;
import org.linli.core.Ids;
import org.linli.core.NotFound;
import org.linli.core.Page;
import org.linli.identity.AccountStatus;
import org.linli.identity.ErasureRecord;
import org.linli.identity.Principal;
import org.linli.identity.Promotions;
import org.linli.identity.UserAccount;
import org.linli.identity.UserStore;
import org.linli.json.JsonInput;
import org.linli.report.Report;
import org.linli.report.ReportStore;

/**
 * Erasure of a user's personal information (PIPL art. 47): asked by the user himself
 * ({@code DELETE /me}) or by an administrator (a written request, a staff member who left). The
 * request is recorded first; then every report he filed loses its contact (open ones keep going
 * for staff, without it), so does every micro-wish he placed, his volunteer registration keeps
 * its hours and points under a pseudonym without phone, his unionid link is dropped and the account is erased (no openid,
 * unionid, name or role; its id stays as the pseudonym the reports carry); the record says DONE.
 * Asking again answers the record; the steps are safe to repeat if a run stopped half-way.
 */
public final class Erasures {
    private static final int PAGE = 50;
    /** The name an erased volunteer's registration shows ("account closed"): rosters, rankings and grades still list a row. */
    public static final String ERASED_NAME = "已注销";

    private final UserStore users;
    private final Promotions promotions;
    private final ReportStore reports;
    private final PersonalData data;
    private final Clock clock;
    private final PhotoEraser photos;
    private final VolunteerData volunteers;

    public Erasures(UserStore users, Promotions promotions, ReportStore reports, PersonalData data, Clock clock) {
        this(users, promotions, reports, data, clock, PhotoEraser.NONE);
    }

    public Erasures(UserStore users, Promotions promotions, ReportStore reports, PersonalData data, Clock clock,
                    PhotoEraser photos) {
        this(users, promotions, reports, data, clock, photos, VolunteerData.NONE);
    }

    public Erasures(UserStore users, Promotions promotions, ReportStore reports, PersonalData data, Clock clock,
                    PhotoEraser photos, VolunteerData volunteers) {
        this.users = users;
        this.promotions = promotions;
        this.reports = reports;
        this.data = data;
        this.clock = clock;
        this.photos = photos;
        this.volunteers = volunteers;
    }

    /** The caller erases his own account. */
    public ErasureRecord eraseOwn(Principal me) {
        return erase(me, me.userId(), true, null);
    }

    /** An administrator erases a user's account, saying why (kept in the record, never logged). */
    public ErasureRecord eraseByAdmin(Principal admin, String userId, JsonNode body) {
        if (!admin.isAdmin()) throw new Forbidden("Only administrators erase other users' accounts.");
        JsonInput in = JsonInput.root(body, Set.of("reason"));
        String reason = in.requiredString("reason", 1, 500, JsonInput.TextRule.MULTI_LINE);
        in.throwIfInvalid();
        if (userId.equals(admin.userId())) throw new Forbidden("An administrator erases his own account with DELETE /me.");
        return erase(admin, userId, false, reason);
    }

    /** His wishes keep going for staff and their volunteer without his contact; his registration keeps its hours and points under a pseudonym. */
    private void eraseVolunteering(String userId) {
        String cursor = null;
        do {
            Page<String> page = volunteers.wishesPlacedBy(userId, PAGE, cursor);
            for (String wishId : page.items()) photos.erase(volunteers.eraseWishContact(wishId).photoKeys());
            cursor = page.nextCursor();
        } while (cursor != null);
        volunteers.anonymiseMembership(userId, ERASED_NAME);
    }

    private ErasureRecord erase(Principal actor, String userId, boolean bySelf, String reason) {
        if (!Ids.looksLike(userId, "usr")) throw new NotFound("user", userId);
        UserAccount account = users.find(userId).orElseThrow(() -> new NotFound("user", userId));
        var known = users.findErasure(userId);
        if (account.status() == AccountStatus.ERASED && known.isPresent() && known.get().state() == ErasureRecord.State.DONE) {
            return known.get();
        }
        Instant now = clock.instant();
        ErasureRecord record = known.filter(k -> k.state() == ErasureRecord.State.RUNNING)
                .orElse(new ErasureRecord(userId, actor.userId(), bySelf, reason, now, ErasureRecord.State.RUNNING, 0, null));
        users.saveErasure(record);
        int anonymised = 0;
        String cursor = null;
        do {
            Page<Report> page = reports.byReporter(userId, PAGE, cursor);
            for (Report r : page.items()) {
                Erased e = data.eraseContact(r.id());
                if (e.done()) anonymised++;
                photos.erase(e.photoKeys());
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        eraseVolunteering(userId);
        if (account.unionId() != null) users.unlinkUnionId(account.unionId());
        promotions.erase(actor, userId, bySelf ? "erasure asked by the user" : "erasure by an administrator");
        ErasureRecord done = record.done(anonymised, clock.instant());
        users.saveErasure(done);
        return done;
    }
}
