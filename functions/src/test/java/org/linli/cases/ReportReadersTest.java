package org.linli.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.core.Disclosure;
import org.linli.core.Forbidden;
import org.linli.core.NotFound;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.report.Contact;
import org.linli.report.Report;
import org.linli.report.ReportDraft;
import org.linli.report.Source;
import org.linli.testing.CaseWorld;

/** Who reads a report and how much of the reporter he sees: the masking matrix of docs/security.md. */
class ReportReadersTest {
    private final CaseWorld world = new CaseWorld();
    private final Case assigned = world.fixture(CaseStatus.ASSIGNED);     // community tier C1, worker assigned, grid G2
    private final Case escalated = world.fixture(CaseStatus.ESCALATED);   // street tier S1, nobody assigned
    private static final ReportDraft DRAFT = new ReportDraft("sanitation", "王芳家门口，电话13812341234，身份证14020219900101123X",
            new GeoPoint(37.848123, 113.545234, Datum.GCJ02), null, List.of(), new Contact("王芳", "13812341234"), true,
            Source.MINI_PROGRAM);
    private final Report report = Report.received("rpt_" + "1".repeat(26), CaseWorld.REPORTER, DRAFT, Instant.EPOCH);

    private static Principal p(String id, Role role, String... scope) {
        return CaseWorld.principal(id, role, scope);
    }

    @Test
    void theReporterAndTheStaffHandlingTheCaseSeeEverythingOtherStaffMasked() {
        assertEquals(Disclosure.FULL, ReportReaders.disclosure(report, assigned, new Principal(CaseWorld.REPORTER, Set.of(Role.RESIDENT), Set.of())));
        assertEquals(Disclosure.FULL, ReportReaders.disclosure(report, assigned, p(CaseWorld.WORKER, Role.GRID_WORKER, "G2")), "the assignee");
        assertEquals(Disclosure.FULL, ReportReaders.disclosure(report, assigned, p(CaseWorld.COMMUNITY, Role.COMMUNITY_STAFF, "C1")), "owner");
        assertEquals(Disclosure.FULL, ReportReaders.disclosure(report, assigned, p(CaseWorld.STREET, Role.STREET_STAFF, "S1")), "owner above");
        assertEquals(Disclosure.MASKED, ReportReaders.disclosure(report, assigned, p(CaseWorld.OTHER_WORKER, Role.GRID_WORKER, "G2")),
                "another worker of the grid covers it but does not handle it");
        assertEquals(Disclosure.MASKED, ReportReaders.disclosure(report, escalated, p(CaseWorld.COMMUNITY, Role.COMMUNITY_STAFF, "C1")),
                "escalated out of the community's hands");
        assertEquals(Disclosure.FULL, ReportReaders.disclosure(report, null, p(CaseWorld.ADMIN, Role.ADMIN)));
    }

    @Test
    void othersMayNotReadIt() {
        assertThrows(NotFound.class, () -> ReportReaders.disclosure(report, assigned,
                new Principal(CaseWorld.STRANGER, Set.of(Role.RESIDENT), Set.of())));
        assertThrows(Forbidden.class, () -> ReportReaders.disclosure(report, assigned, p(CaseWorld.STRANGER, Role.COMMUNITY_STAFF, "C9")));
        assertThrows(Forbidden.class, () -> ReportReaders.disclosure(report, null, p(CaseWorld.COMMUNITY, Role.COMMUNITY_STAFF, "C1")));
    }

    @Test
    void aRoleReachesOnlyItsOwnNodes() {
        // A worker of this grid who is also another community's staff does not own this community's case.
        Principal mixed = new Principal(CaseWorld.STRANGER, Set.of(new org.linli.identity.Grant(Role.COMMUNITY_STAFF, "C9"),
                new org.linli.identity.Grant(Role.GRID_WORKER, "G2")));
        assertEquals(Disclosure.MASKED, ReportReaders.disclosure(report, assigned, mixed));
        Principal spread = new Principal(CaseWorld.STRANGER, Set.of(Role.COMMUNITY_STAFF, Role.GRID_WORKER), Set.of("C9", "G2"));
        assertEquals(Disclosure.FULL, ReportReaders.disclosure(report, assigned, spread), "what an unbound role set would allow");
    }

    @Test
    void maskedAndAnonymousViewsHideTheReporter() {
        ReportDraft masked = DRAFT.disclosed(Disclosure.MASKED);
        assertEquals(new Contact("王*", "138****1234"), masked.contact());
        assertEquals("王*家门口，电话138****1234，身份证140202********123X", masked.description());
        assertEquals(37.848, masked.point().lat());
        assertEquals(113.545, masked.point().lng());
        ReportDraft anonymous = DRAFT.disclosed(DRAFT.forThePublic());
        assertNull(anonymous.contact().name());
        assertNull(anonymous.contact().phone());
        assertEquals(masked.description(), anonymous.description());
        assertEquals(Disclosure.MASKED, new ReportDraft("noise", "x", DRAFT.point(), null, List.of(), DRAFT.contact(), false,
                Source.MINI_PROGRAM).forThePublic());
        assertEquals(DRAFT, DRAFT.disclosed(Disclosure.FULL));
    }
}
