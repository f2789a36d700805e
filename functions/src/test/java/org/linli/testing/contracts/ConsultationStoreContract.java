package org.linli.testing.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linli.consultations.AuditEntry;
import org.linli.consultations.CaseOutcome;
import org.linli.consultations.Consultation;
import org.linli.consultations.ConsultationState;
import org.linli.consultations.ConsultationStore;
import org.linli.consultations.Decision;
import org.linli.consultations.Participant;
import org.linli.consultations.ParticipantKind;
import org.linli.consultations.PublicDecision;
import org.linli.core.Ids;

/**
 * What every {@link ConsultationStore} does, written once: against the in-memory fake and the
 * cases table in DynamoDB Local - stored whole and read back equal, opened once, saved on the
 * version read, listed newest first, the decision published with its save. A fresh community per test.
 */
public abstract class ConsultationStoreContract {
    protected abstract ConsultationStore store();

    private static final Instant AT = Instant.parse("2026-11-18T02:00:00Z");
    private final String community = "CT-" + UUID.randomUUID().toString().substring(0, 8);

    private Consultation opened(Instant at) {
        return new Consultation(Ids.random("csl", at), community, List.of("D", "S", community), "case_00000000000000000000000001",
                "停车位规划", "议事厅", at.plusSeconds(86_400),
                List.of(new Participant("p1", ParticipantKind.RESIDENT_REPRESENTATIVE, "王芳", "usr_1", null, null, null),
                        new Participant("p2", ParticipantKind.PROPERTY_MANAGER, null, null, "org_00000000000000000000000001", null, null)),
                List.of("划线", "不划线"), ConsultationState.OPEN, null, null, List.of(new AuditEntry(at, "usr_s", "OPEN", null)), at, "usr_s", 1);
    }

    @Test
    void openedOnceAndReadBackWhole() {
        Consultation c = opened(AT);
        assertEquals(Optional.empty(), store().open(c));
        assertEquals(Optional.of(c), store().open(c), "a second open answers the first");
        assertEquals(Optional.of(c), store().find(c.id()));
        assertEquals(Optional.empty(), store().find(Ids.random("csl", AT)));
    }

    @Test
    void savedOnTheVersionReadWithTheDecisionPublishedInTheSameWrite() {
        Consultation c = opened(AT.plusSeconds(10));
        store().open(c);
        Consultation met = c.step(ConsultationState.MET, c.participants().stream().map(p -> p.attended(true)).toList(), null, null,
                new AuditEntry(AT.plusSeconds(20), "usr_s", "RECORD_ATTENDANCE", "2 of 2 present"));
        assertTrue(store().save(met, 1, null));
        assertFalse(store().save(met, 1, null), "stale: the version moved on");
        Decision d = new Decision(0, List.of(2, 0), 0, "划线", "王芳：同意", CaseOutcome.RESOLVED, List.of(), null, AT.plusSeconds(30), "usr_s");
        Consultation decided = met.step(ConsultationState.DECIDED, met.participants(), d, null,
                new AuditEntry(AT.plusSeconds(30), "usr_s", "DECIDE", "option 1"));
        PublicDecision published = new PublicDecision(c.id(), community, c.caseId(), "停车位规划", c.meetingAt(), c.options(), 0,
                List.of(2, 0), 0, 2, 2, Map.of("PROPERTY_MANAGER", 1, "RESIDENT_REPRESENTATIVE", 1), List.of("安居物业"), List.of(), "划线",
                CaseOutcome.RESOLVED, null, AT.plusSeconds(30));
        assertTrue(store().save(decided, 2, published));
        assertEquals(Optional.of(decided), store().find(c.id()));
        assertEquals(List.of(published), store().decisions(community, 10, null).items());
        assertEquals(List.of(decided), store().byCommunity(community, 10, null).items(), "the list holds the latest state");
    }

    @Test
    void aCommunitysConsultationsNewestFirst() {
        Consultation older = opened(AT.plusSeconds(100));
        Consultation newer = opened(AT.plusSeconds(200));
        store().open(older);
        store().open(newer);
        assertEquals(List.of(newer.id(), older.id()), store().byCommunity(community, 10, null).items().stream().map(Consultation::id).toList());
        assertEquals(List.of(), store().decisions(community, 10, null).items());
    }
}
