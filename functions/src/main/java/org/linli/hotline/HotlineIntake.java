package org.linli.hotline;

import java.util.List;
import java.util.Map;
import org.linli.core.Conflict;
import org.linli.core.Ids;
import org.linli.core.Times;
import org.linli.core.ValidationFailed;
import org.linli.report.Contact;
import org.linli.report.ReportDraft;
import org.linli.report.ReportIntake;
import org.linli.report.Source;
import org.linli.report.WorkOrder;
import org.linli.territory.AddressMatcher;
import org.linli.territory.Locator;
import org.linli.territory.Placement;

/**
 * Files a hotline work order as a report of source HOTLINE_12345, which intake and assignment
 * make a case like any other. The report id derives from the order number, so an order is one
 * case however often it arrives: a second delivery is refused ({@code ORDER_ALREADY_RECEIVED},
 * naming the case it became). Placed by its point when it has one, else by its address
 * ({@link AddressMatcher}: a building, else UNASSIGNED in the queue of the street it names). The
 * order's number, category, deadline (交办时限) and urgency head the description staff read.
 */
public final class HotlineIntake {
    /** The pseudonymous reporter hotline orders are filed as; the caller is the report's contact. */
    public static final String REPORTER = Ids.derived("usr", "hotline", "12345");

    private final ReportIntake intake;
    private final Locator locator;
    private final AddressMatcher addresses;

    public HotlineIntake(ReportIntake intake, Locator locator, AddressMatcher addresses) {
        this.intake = intake;
        this.locator = locator;
        this.addresses = addresses;
    }

    /** The report an order became and the case id it leads to (the report's own case, or the one it joined). */
    public record Received(String reportId, String caseId) {}

    public Received receive(HotlineOrder o) {
        String building = null;
        String placeCode = null;
        Placement placement;
        if (o.point() != null) {
            placement = locator.locate(o.point(), null);
        } else {
            AddressMatcher.Match m = addresses.match(o.address());
            building = m.buildingCode();
            placeCode = m.nodeCode();
            placement = locator.locate(null, building, placeCode);
        }
        if (placement.path().isEmpty()) throw ValidationFailed.of(o.point() != null ? "location" : "address", "lies outside this jurisdiction");
        ReportDraft draft = new ReportDraft(o.category().code(), description(o), o.point(), building, List.of(),
                new Contact(o.callerName(), o.callerPhone()), false, Source.HOTLINE_12345,
                o.point() == null && building == null ? placeCode : null, new WorkOrder(o.orderNo(), o.deadline(), o.urgent()));
        ReportIntake.Submission s;
        try {
            s = intake.submit(REPORTER, true, draft, "hotline:" + o.orderNo());
        } catch (Conflict c) {
            // The same order number with other content (the daily export writes an order the webhook pushed a little
            // differently): still the same order, still one case.
            if (!"IDEMPOTENCY_KEY_REUSED".equals(c.code())) throw c;
            throw alreadyReceived(o.orderNo(), Ids.derived("rpt", REPORTER, "hotline:" + o.orderNo()));
        }
        if (s.replayed()) throw alreadyReceived(o.orderNo(), s.report().id());
        return new Received(s.report().id(), Ids.rebrand(s.report().id(), "case"));
    }

    private static Conflict alreadyReceived(String orderNo, String reportId) {
        return new Conflict("ORDER_ALREADY_RECEIVED", "Work order " + orderNo + " was already received.",
                Map.of("reportId", reportId, "caseId", Ids.rebrand(reportId, "case")));
    }

    static String description(HotlineOrder o) {
        StringBuilder head = new StringBuilder("【12345 工单 ").append(o.orderNo()).append("，热线分类：").append(o.hotlineCategory());
        if (o.deadline() != null) head.append("，交办时限：").append(Times.api(o.deadline()));
        if (o.urgent()) head.append("，紧急");
        head.append("】").append(o.content());
        if (o.address() != null) head.append("\n地址：").append(o.address());
        String s = head.toString();
        return s.length() > 4000 ? s.substring(0, 4000) : s;
    }
}
