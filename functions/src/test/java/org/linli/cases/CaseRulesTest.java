package org.linli.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.linli.core.Conflict;
import org.linli.core.Forbidden;
import org.linli.identity.Role;
import org.linli.json.Json;
import org.linli.testing.CaseWorld;

/**
 * The transition table, exhaustively: for every role, every state and every action, the action
 * either succeeds with the expected next state (one version, one audit entry, one event), or is
 * refused with 409 naming the current state and exactly the actions that role may take - and
 * changes nothing. The expectations are written out by hand below, independently of CaseRules.
 */
class CaseRulesTest {
    private static final List<CaseAction> ACTIONS = Arrays.stream(CaseAction.values())
            .filter(a -> a != CaseAction.OPEN && a != CaseAction.JOIN).toList();

    /** role(s) | state | what they may do. Fixtures: see CaseWorld.fixture. Unlisted: nothing. */
    private static final String ALLOWED = """
            GRID_WORKER | ASSIGNED | accept return escalate add-note
            GRID_WORKER | ACCEPTED | return start add-note resolve escalate
            GRID_WORKER | IN_PROGRESS | return add-note resolve escalate
            GRID_WORKER | RESOLVED | add-note feed-back
            GRID_WORKER | FED_BACK | add-note
            GRID_WORKER | REWORK | start add-note resolve escalate
            COMMUNITY_STAFF STREET_STAFF DISTRICT_STAFF ADMIN | UNASSIGNED | dispatch accept reject add-note escalate merge
            COMMUNITY_STAFF STREET_STAFF DISTRICT_STAFF ADMIN | ASSIGNED | redispatch reject add-note escalate merge
            COMMUNITY_STAFF STREET_STAFF DISTRICT_STAFF ADMIN | ACCEPTED | redispatch reject add-note resolve escalate merge
            COMMUNITY_STAFF STREET_STAFF DISTRICT_STAFF ADMIN | IN_PROGRESS | redispatch add-note resolve escalate merge
            COMMUNITY_STAFF STREET_STAFF DISTRICT_STAFF ADMIN | RESOLVED | return add-note feed-back escalate
            COMMUNITY_STAFF STREET_STAFF DISTRICT_STAFF ADMIN | FED_BACK | add-note callback close
            COMMUNITY_STAFF STREET_STAFF DISTRICT_STAFF ADMIN | REWORK | redispatch add-note resolve escalate merge
            COMMUNITY_STAFF STREET_STAFF DISTRICT_STAFF ADMIN | CLOSED | reopen
            COMMUNITY_STAFF STREET_STAFF DISTRICT_STAFF ADMIN | REJECTED | reopen
            STREET_STAFF DISTRICT_STAFF ADMIN | ESCALATED | dispatch accept reject add-note escalate summon merge
            STREET_STAFF DISTRICT_STAFF ADMIN | COORDINATING | add-note escalate summon
            DEPARTMENT_STAFF | COORDINATING | add-note check-in complete-task
            RESIDENT | FED_BACK | verdict
            RESIDENT | CLOSED | reopen
            """;

    /** A department officer sees only cases his department is summoned to (or queued at): elsewhere 403. */
    private static final Set<CaseStatus> DEPARTMENT_SEES = EnumSet.of(CaseStatus.COORDINATING);

    private static Map<Role, Map<CaseStatus, Set<String>>> allowed() {
        Map<Role, Map<CaseStatus, Set<String>>> out = new HashMap<>();
        for (String line : ALLOWED.strip().split("\n")) {
            String[] cols = line.split("\\|");
            for (String role : cols[0].trim().split(" ")) {
                out.computeIfAbsent(Role.valueOf(role), r -> new HashMap<>())
                        .put(CaseStatus.valueOf(cols[1].trim()), Set.of(cols[2].trim().split(" ")));
            }
        }
        return out;
    }

    /** Where each allowed action leads from each state (COMPLETE_TASK: one of two tasks, so still coordinating). */
    static CaseStatus next(CaseStatus from, CaseAction a) {
        return switch (a) {
            case DISPATCH, REDISPATCH -> CaseStatus.ASSIGNED;
            case ACCEPT -> CaseStatus.ACCEPTED;
            case REJECT -> CaseStatus.REJECTED;
            case RETURN -> from == CaseStatus.RESOLVED ? CaseStatus.REWORK : CaseStatus.UNASSIGNED;
            case START -> CaseStatus.IN_PROGRESS;
            case ADD_NOTE, CHECK_IN, FLAG_OVERDUE -> from;
            case RESOLVE -> CaseStatus.RESOLVED;
            case FEED_BACK -> CaseStatus.FED_BACK;
            case ESCALATE -> from == CaseStatus.COORDINATING || from == CaseStatus.RESOLVED ? from : CaseStatus.ESCALATED;
            case SUMMON, COMPLETE_TASK -> CaseStatus.COORDINATING;
            case VERDICT, CALLBACK, CLOSE -> CaseStatus.CLOSED;
            case REOPEN -> from == CaseStatus.REJECTED ? CaseStatus.UNASSIGNED : CaseStatus.REWORK;
            case MERGE -> CaseStatus.MERGED;
            case OPEN, JOIN -> throw new IllegalArgumentException();
        };
    }

    /** A valid body for each action. */
    static String body(CaseAction a, CaseWorld world) {
        return switch (a) {
            case DISPATCH, REDISPATCH -> "{\"assignee\":{\"userId\":\"" + CaseWorld.OTHER_WORKER + "\",\"name\":\"张伟\"}}";
            case REJECT, RETURN, ESCALATE, REOPEN -> "{\"reason\":\"因为\"}";
            case ADD_NOTE, CLOSE -> "{\"note\":\"记录\",\"photoKeys\":[\"uploads/a.jpg\"]}";
            case RESOLVE, COMPLETE_TASK -> "{\"result\":\"已处理\"}";
            case SUMMON -> "{\"departments\":[\"DEPT-R\"]}";
            case VERDICT -> "{\"verdict\":\"SATISFIED\"}";
            case CALLBACK -> "{\"outcome\":\"SATISFIED\"}";
            case MERGE -> "{\"into\":\"" + world.fixture(CaseStatus.ASSIGNED).id() + "\"}";
            default -> "{}";
        };
    }

    private static int requests;

    static Command command(CaseAction a, CaseWorld world) {
        return CommandParser.parse(a, Json.parse(body(a, world)), "req-" + (++requests));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"GRID_WORKER", "COMMUNITY_STAFF", "STREET_STAFF", "DISTRICT_STAFF",
            "DEPARTMENT_STAFF", "ADMIN", "RESIDENT"})
    void everyActionInEveryStateForRole(Role role) {
        Map<CaseStatus, Set<String>> mine = allowed().getOrDefault(role, Map.of());
        List<String> problems = new ArrayList<>();
        int tried = 0;
        CaseWorld world = new CaseWorld();
        for (CaseStatus status : CaseStatus.values()) {
            for (CaseAction action : ACTIONS) {
                tried++;
                Case c = world.fixture(status);
                int eventsBefore = world.events.sent.size();
                Set<String> expected = mine.getOrDefault(status, Set.of());
                Command cmd = command(action, world);
                String where = role + " " + action.wire() + " on " + status + ": ";
                try {
                    CaseWorkflow.Outcome o = world.workflow.act(c.id(), cmd, CaseWorld.actor(role));
                    if (!expected.contains(action.wire())) {
                        problems.add(where + "succeeded, expected a refusal");
                        continue;
                    }
                    CaseStatus want = next(status, action);
                    if (o.c().status() != want) problems.add(where + "led to " + o.c().status() + ", expected " + want);
                    if (o.c().version() != c.version() + 1) problems.add(where + "version " + o.c().version());
                    if (world.table.trail(c.id()).size() != 2) problems.add(where + "audit entries " + world.table.trail(c.id()).size());
                    CaseEvent e = world.events.last();
                    if (e.from() != status || e.to() != want || e.action() != action) problems.add(where + "event " + e);
                    if (o.c().status().open() && o.c().deadline() == null) problems.add(where + "open without a deadline");
                } catch (Conflict refused) {
                    if (expected.contains(action.wire())) {
                        problems.add(where + "refused (" + refused.getMessage() + "), expected to succeed");
                        continue;
                    }
                    Object got = refused.details().get("allowedActions");
                    Set<String> allowedNow = got == null ? null : new TreeSet<>(((List<?>) got).stream().map(String::valueOf).toList());
                    if (!new TreeSet<>(expected).equals(allowedNow)) problems.add(where + "allowedActions " + allowedNow + ", expected " + expected);
                    if (!status.name().equals(refused.details().get("status"))) problems.add(where + "details.status " + refused.details());
                    unchanged(world, c, eventsBefore, where, problems);
                } catch (Forbidden f) {
                    if (!(role == Role.DEPARTMENT_STAFF && !DEPARTMENT_SEES.contains(status))) problems.add(where + "403 " + f.getMessage());
                    unchanged(world, c, eventsBefore, where, problems);
                }
            }
        }
        assertEquals(CaseStatus.values().length * ACTIONS.size(), tried);
        if (!problems.isEmpty()) fail(problems.size() + " mismatch(es):\n" + String.join("\n", problems));
    }

    private static void unchanged(CaseWorld world, Case c, int eventsBefore, String where, List<String> problems) {
        if (!world.table.cases.get(c.id()).equals(c)) problems.add(where + "refused but changed the case");
        if (world.table.trail(c.id()).size() != 1) problems.add(where + "refused but wrote an audit entry");
        if (world.events.sent.size() != eventsBefore) problems.add(where + "refused but sent an event");
    }

    @Test
    void theSystemEscalatesClosesUnconfirmedAndFlagsAtTheTop() {
        CaseWorld world = new CaseWorld();
        Set<String> done = new TreeSet<>();
        for (CaseStatus status : CaseStatus.values()) {
            for (CaseAction action : ACTIONS) {
                Case c = world.fixture(status);
                try {
                    world.workflow.act(c.id(), command(action, world), Actor.SYSTEM);
                    done.add(action.wire() + "@" + status);
                } catch (Conflict refused) {
                    assertTrue(refused.code().equals("INVALID_TRANSITION"), refused.code());
                }
            }
        }
        // Escalate from every open state but FED_BACK (the reporter's turn); close only a fed-back case;
        // flag-overdue never here: the fixtures sit below the top tier.
        Set<String> expected = new TreeSet<>();
        for (CaseStatus s : EnumSet.of(CaseStatus.UNASSIGNED, CaseStatus.ASSIGNED, CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS,
                CaseStatus.REWORK, CaseStatus.ESCALATED, CaseStatus.COORDINATING, CaseStatus.RESOLVED)) {
            expected.add("escalate@" + s);
        }
        expected.add("close@FED_BACK");
        assertEquals(expected, done);
        assertEquals(Closure.UNCONFIRMED, world.table.cases.values().stream().filter(c -> c.status() == CaseStatus.CLOSED)
                .filter(c -> c.closure() != null).map(Case::closure).collect(Collectors.toSet()).iterator().next());
    }
}
