package org.linli.open311;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.linli.categories.Category;
import org.linli.core.Ids;
import org.linli.core.ValidationFailed;
import org.linli.report.Report;
import org.linli.report.ReportIntake;
import org.linli.report.ReportStore;
import org.linli.territory.AddressMatcher;
import org.linli.territory.Locator;
import org.linli.territory.Placement;

/**
 * Files an Open311 create_request as a report, the way real clients send them:
 * <ul>
 * <li>A client that re-sends a request it believes failed (FixMyStreet's module does, after a token
 * lookup it could not use) must not file a second report. The report id derives from the key's
 * reporter and a hash of the normalised form within a {@link #WINDOW}-long period, and the previous
 * period's id is looked up first (one GetItem), so an identical request within the window - across
 * a period boundary too - answers with the first report.</li>
 * <li>The answer's {@code service_request_id} is known at once: a report's own case shares its id
 * body ({@code rpt_X → case_X}), and a report that joined a nearby case leads there (resolved on
 * read, {@link #caseIdOf}).</li>
 * <li>An {@code address_string} alone is placed by name ({@link AddressMatcher}): a named building
 * places it like {@code address_id}; otherwise the case waits UNASSIGNED in the dispatch queue of
 * the deepest node the address named (the key's scope when it named none), the address in the text.</li>
 * </ul>
 */
public final class Open311Intake {
    /** How long an identical request from the same key is the same request. */
    public static final Duration WINDOW = Duration.ofHours(24);

    private final ReportIntake intake;
    private final ReportStore reports;
    private final Locator locator;
    private final AddressMatcher addresses;
    private final Clock clock;

    public Open311Intake(ReportIntake intake, ReportStore reports, Locator locator, AddressMatcher addresses, Clock clock) {
        this.intake = intake;
        this.reports = reports;
        this.locator = locator;
        this.addresses = addresses;
        this.clock = clock;
    }

    /** The report filed (or found again), and whether it was an earlier identical request's. */
    public record Filed(Report report, boolean replayed) {
        public String serviceRequestId() {
            return caseIdOf(report.id());
        }
    }

    /** The service_request_id of an Open311 report: its own case's id, which a joined report's reads resolve. */
    public static String caseIdOf(String reportId) {
        return Ids.rebrand(reportId, "case");
    }

    /** The report a service_request_id was derived from (the report that opened or joined the case). */
    public static String reportIdOf(String caseId) {
        return Ids.rebrand(caseId, "rpt");
    }

    /**
     * Places, checks the key's scope (403 outside it) and files; {@code canonical} is the normalised
     * form ({@link Open311Form#canonical}).
     */
    public Filed file(ApiKeys.ApiKey key, Category category, Open311Form.Request request, String canonical) {
        Instant now = clock.instant();
        long period = now.getEpochSecond() / WINDOW.toSeconds();
        Optional<Report> earlier = reports.find(Ids.derived("rpt", key.reporterId(), idempotencyKey(period - 1, canonical)))
                .filter(r -> r.receivedAt().isAfter(now.minus(WINDOW)));
        if (earlier.isPresent()) return new Filed(earlier.get(), true);

        String building = request.buildingCode();
        String placeCode = null;
        Placement placement;
        if (request.addressOnly()) {
            AddressMatcher.Match m = addresses.match(key.scope(), request.addressString());
            building = m.buildingCode();
            placeCode = m.nodeCode();
            placement = locator.locate(null, building, placeCode);
        } else {
            placement = locator.locate(request.point(), building);
        }
        if (placement.path().isEmpty()) throw ValidationFailed.of(request.locationField(), "lies outside this jurisdiction");
        key.requireCovers(placement.path());
        ReportIntake.Submission s = intake.submit(key.reporterId(), request.draft(category, building, placeCode),
                idempotencyKey(period, canonical));
        return new Filed(s.report(), s.replayed());
    }

    private static String idempotencyKey(long period, String canonical) {
        return "open311:" + period + ":" + canonical;
    }
}
