package org.linli.consultations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The consultation's state machine over every state × action, against a table written out by
 * hand here (not derived from {@link ConsultationRules}): what each action leads to, or that it is refused.
 */
class ConsultationRulesTest {
    private static final Map<ConsultationState, Map<ConsultationAction, ConsultationState>> EXPECTED = Map.of(
            ConsultationState.OPEN, Map.of(ConsultationAction.NOTIFY, ConsultationState.NOTIFIED,
                    ConsultationAction.CANCEL, ConsultationState.CANCELLED),
            ConsultationState.NOTIFIED, Map.of(ConsultationAction.RECORD_ATTENDANCE, ConsultationState.MET,
                    ConsultationAction.CANCEL, ConsultationState.CANCELLED),
            ConsultationState.MET, Map.of(ConsultationAction.RECORD_ATTENDANCE, ConsultationState.MET,
                    ConsultationAction.DECIDE, ConsultationState.DECIDED, ConsultationAction.CANCEL, ConsultationState.CANCELLED),
            ConsultationState.DECIDED, Map.of(),
            ConsultationState.CANCELLED, Map.of());

    @ParameterizedTest
    @EnumSource(ConsultationState.class)
    void everyActionFromEveryStateLeadsWhereTheTableSaysOrIsRefused(ConsultationState state) {
        int permitted = 0;
        for (ConsultationAction action : ConsultationAction.values()) {
            Optional<ConsultationState> expected = Optional.ofNullable(EXPECTED.get(state).get(action));
            assertEquals(expected, ConsultationRules.next(state, action), state + " × " + action);
            if (expected.isPresent()) permitted++;
        }
        Set<ConsultationAction> allowed = ConsultationRules.allowed(state);
        assertEquals(EXPECTED.get(state).keySet().isEmpty() ? EnumSet.noneOf(ConsultationAction.class)
                : EnumSet.copyOf(EXPECTED.get(state).keySet()), allowed.isEmpty() ? EnumSet.noneOf(ConsultationAction.class)
                : EnumSet.copyOf(allowed), "the buttons of " + state);
        assertEquals(permitted, allowed.size());
    }
}
