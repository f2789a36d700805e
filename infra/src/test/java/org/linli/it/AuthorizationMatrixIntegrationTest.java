package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.handlers.ApiRoutes;
import org.linli.identity.Role;
import org.linli.local.LocalCloud;

/**
 * The authorization matrix: every route of the template (its rows must be exactly ApiRoutes.all()),
 * called through the local gateway by a user of each of the nine roles, once on an object (or
 * node, or community) inside that user's scope and once outside it. The expected answers are a hand-written table derived from the documentation
 * (docs/api.md "who", docs/workflow.md parties, docs/volunteers.md audiences, docs/security.md),
 * not from the code; the test prints the matrix it saw and fails on any cell that differs, and
 * on any route of ApiRoutes that has no row or no request - a route added later must add both.
 *
 * <p>In and out of scope, per role: a resident's own report or wish against another resident's; a
 * volunteer's community (DEMO-W1, where he is an approved member) against another (DEMO-E1);
 * staff's own grid, micro-grid, community, street or department against the east side's; the
 * district's staff against a district-staff user of another district; administrators have no
 * outside (both cells use objects in and out of everyone else's scope). Open311 authenticates by
 * api_key, not by token: there "in" is the west key at a west place, "out" the same key in the east.
 */
class AuthorizationMatrixIntegrationTest {
    private static final List<Role> ROLES = List.of(Role.values());

    /** route → for each role of {@link Role} in order: "in/out" expected statuses. */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    private static void expect(String route, String cells) {
        if (EXPECTED.put(route, cells) != null) throw new IllegalStateException("two rows for " + route);
    }

    static {
        // Status per role:                                           RESIDENT VOLUNT  GRID    MICRO   COMMUN  STREET  DISTR   DEPT    ADMIN
        expect("POST /auth/wechat-login",                            "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        // The console's QR sign-in: staff whose unionid is linked; residents and volunteers, and strangers, are refused.
        expect("POST /auth/wechat-web-login",                        "403/403 403/403 200/403 200/403 200/403 200/403 200/403 200/403 200/403");
        expect("POST /auth/refresh",                                 "200/401 200/401 200/401 200/401 200/401 200/401 200/401 200/401 200/401");
        expect("GET /me",                                            "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        // Administration: administrators only, for every user.
        expect("GET /admin/users",                                   "403/403 403/403 403/403 403/403 403/403 403/403 403/403 403/403 200/200");
        expect("GET /admin/users/{userId}",                          "403/403 403/403 403/403 403/403 403/403 403/403 403/403 403/403 200/200");
        expect("POST /admin/users/{userId}/grants",                  "403/403 403/403 403/403 403/403 403/403 403/403 403/403 403/403 200/200");
        expect("POST /admin/users/{userId}/revocations",             "403/403 403/403 403/403 403/403 403/403 403/403 403/403 403/403 200/200");
        expect("POST /admin/users/{userId}/disable",                 "403/403 403/403 403/403 403/403 403/403 403/403 403/403 403/403 200/200");
        // Reports: anyone files his own; the reporter and staff whose territory holds the case read it;
        // other residents do not learn it exists (404), staff elsewhere are refused (403).
        // Photos: anyone may ask for an upload grant; only the owner sees where his photo stands.
        expect("POST /uploads",                                      "201/201 201/201 201/201 201/201 201/201 201/201 201/201 201/201 201/201");
        expect("GET /uploads/{photoKey}",                            "200/404 200/404 200/404 200/404 200/404 200/404 200/404 200/404 200/404");
        expect("POST /reports",                                      "202/202 202/202 202/202 202/202 202/202 202/202 202/202 202/202 202/202");
        expect("GET /reports/{reportId}",                            "200/404 404/404 200/403 200/403 200/403 200/403 200/403 200/403 200/200");
        expect("GET /me/reports",                                    "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        // Cases: read as reports; add-note by assignee, owner of the tier, department (a reporter or a
        // micro-grid leader may see the case but not take the action: 409 with his allowed actions).
        expect("GET /cases/{caseId}",                                "200/404 404/404 200/403 200/403 200/403 200/403 200/403 200/403 200/200");
        expect("GET /cases/{caseId}/audit",                          "200/404 404/404 200/403 200/403 200/403 200/403 200/403 200/403 200/200");
        expect("POST /cases/{caseId}/actions/{action}",              "409/404 404/404 200/403 409/403 200/403 200/403 200/403 200/403 200/200");
        // Privacy (PIPL): a recorded reveal for the staff handling the case (others see it masked: 403); its list for
        // staff who see the case; the access log and erasing another's account for administrators; erasing one's own for anyone.
        expect("POST /cases/{caseId}/contact-reveals",               "403/403 403/403 200/403 403/403 200/403 200/403 200/403 200/403 200/200");
        expect("GET /cases/{caseId}/contact-reveals",                "403/403 403/403 200/403 200/403 200/403 200/403 200/403 200/403 200/200");
        expect("GET /admin/access-log",                              "403/403 403/403 403/403 403/403 403/403 403/403 403/403 403/403 200/200");
        expect("DELETE /me",                                         "202/202 202/202 202/202 202/202 202/202 202/202 202/202 202/202 202/202");
        expect("POST /admin/users/{userId}/erasure",                 "403/403 403/403 403/403 403/403 403/403 403/403 403/403 403/403 202/202");
        // The case register: staff on a unit they cover (a department's code is no unit: its cases are its tasks).
        expect("GET /cases",                                         "403/403 403/403 200/403 200/403 200/403 200/403 200/403 403/403 200/200");
        expect("GET /me/cases",                                      "403/403 403/403 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        // Queues and lists of a node: staff who work for exactly that node (administrators: any).
        expect("GET /dispatch/{nodeCode}/unassigned",                "403/403 403/403 200/403 200/403 200/403 200/403 200/403 200/403 200/200");
        expect("GET /supervision/{nodeCode}/overdue",                "403/403 403/403 200/403 200/403 200/403 200/403 200/403 200/403 200/200");
        expect("GET /departments/{departmentCode}/tasks",            "403/403 403/403 200/403 200/403 200/403 200/403 200/403 200/403 200/200");
        // Notifications: one's own; another's notification id is not found.
        expect("GET /me/notifications",                              "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        expect("POST /me/notifications/{notificationId}/read",       "200/404 200/404 200/404 200/404 200/404 200/404 200/404 200/404 200/404");
        // Volunteers: registration is open to anyone; staff of the community (covering its territory)
        // decide and list; grid workers, micro-grid leaders and departments are not a community's staff.
        expect("POST /volunteers",                                   "201/201 201/201 201/201 201/201 201/201 201/201 201/201 201/201 201/201");
        expect("GET /me/volunteer",                                  "404/404 200/200 404/404 404/404 404/404 404/404 404/404 404/404 404/404");
        expect("GET /communities/{code}/volunteers",                 "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        expect("POST /volunteers/{memberId}/decision",               "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        expect("POST /volunteers/{memberId}/appraisals",             "202/202 202/202 202/202 202/202 202/202 202/202 202/202 202/202 202/202");
        expect("GET /me/points",                                     "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        // Service logs: an approved member logs in his community (anyone else: the field message
        // "community: you are not an approved volunteer", 400, docs/volunteers.md); the member, the person served and
        // the community's staff see it (others: 404); staff or the person served verify; only the
        // person served rates (the member and staff: 403).
        expect("POST /service-logs",                                 "400/400 201/400 400/400 400/400 400/400 400/400 400/400 400/400 400/400");
        expect("GET /me/service-logs",                               "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        expect("GET /me/received-services",                          "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        expect("GET /service-logs/{logId}",                          "200/404 200/404 404/404 404/404 200/404 200/404 200/404 404/404 200/200");
        expect("POST /service-logs/{logId}/verification",            "200/404 403/404 404/404 404/404 200/404 200/404 200/404 404/404 200/200");
        expect("POST /service-logs/{logId}/rating",                  "200/404 403/404 404/404 404/404 403/404 403/404 403/404 404/404 403/403");
        expect("GET /communities/{code}/service-logs",               "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        // Wishes: anyone places one; the resident, the holder, browsing members (published, masked)
        // and the community's staff see it; staff review, release, reassign; approved members claim;
        // only the holder completes and only the resident confirms (others who see it: 409 NOT_YOUR_WISH).
        expect("POST /wishes",                                       "201/201 201/201 201/201 201/201 201/201 201/201 201/201 201/201 201/201");
        expect("GET /wishes/{wishId}",                               "200/404 200/404 404/404 404/404 200/404 200/404 200/404 404/404 200/200");
        expect("GET /me/wishes",                                     "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        expect("GET /me/claims",                                     "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        expect("GET /communities/{code}/wishes",                     "403/403 200/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        expect("POST /wishes/{wishId}/review",                       "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        // A claim answers 404 wherever the GET of the wish does (issue 13 defect 6).
        expect("POST /wishes/{wishId}/claim",                        "403/404 200/404 404/404 404/404 403/404 403/404 403/404 404/404 403/403");
        expect("POST /wishes/{wishId}/completion",                   "409/404 200/404 404/404 404/404 409/404 409/404 409/404 404/404 409/409");
        expect("POST /wishes/{wishId}/confirmation",                 "200/404 409/404 404/404 404/404 409/404 409/404 409/404 404/404 409/409");
        expect("POST /wishes/{wishId}/release",                      "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        expect("POST /wishes/{wishId}/reassign",                     "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        expect("GET /communities/{code}/feed",                       "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        // Grading: the community's staff assess, compute, adjust, publish and read the draft; a draft
        // is not found for anyone else; boards and stars are public (names masked).
        expect("POST /communities/{code}/assessments",               "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        expect("POST /communities/{code}/grades/{year}",             "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        expect("GET /communities/{code}/grades/{year}",              "404/404 404/404 404/404 404/404 200/404 200/404 200/404 404/404 200/200");
        expect("POST /communities/{code}/grades/{year}/adjustments", "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        expect("POST /communities/{code}/grades/{year}/publish",     "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        expect("GET /communities/{code}/leaderboard",                "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        expect("GET /communities/{code}/stars/{month}",              "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        // The territory: the map is public to signed-in users; versions are for staff.
        expect("GET /territory/nodes/{code}",                        "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        expect("GET /territory/nodes/{code}/buildings",              "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        expect("GET /territory/locate",                              "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        expect("GET /territory/versions",                            "403/403 403/403 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        // The department registry: staff, each sees the departments of his scope (out of scope: fewer, still 200).
        expect("GET /territory/departments",                         "403/403 403/403 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        // Imports: administrators and district staff; a job is its creator's (administrators: any).
        // Committing a job without parts is refused as input (400) once past the gates.
        expect("POST /territory/imports",                            "403/403 403/403 403/403 403/403 403/403 403/403 201/201 403/403 201/201");
        expect("PUT /territory/imports/{jobId}/parts/{partId}",      "403/403 403/403 403/403 403/403 403/403 403/403 200/404 403/403 200/200");
        expect("POST /territory/imports/{jobId}/commit",             "403/403 403/403 403/403 403/403 403/403 403/403 400/404 403/403 400/400");
        expect("GET /territory/imports/{jobId}",                     "403/403 403/403 403/403 403/403 403/403 403/403 200/404 403/403 200/200");
        // KPIs (docs/kpis.md): staff of the unit or of a node above it; a department's figures for its
        // own staff and the district (a department has no children to rank: 400 once inside its scope);
        // the recompute is the administrators'.
        expect("GET /kpis/{unit}",                                   "403/403 403/403 200/403 200/403 200/403 200/403 200/403 200/403 200/200");
        expect("GET /kpis/{unit}/ranking",                           "403/403 403/403 200/403 200/403 200/403 200/403 200/403 400/403 200/200");
        expect("GET /kpis/{unit}/months",                            "403/403 403/403 200/403 200/403 200/403 200/403 200/403 200/403 200/200");
        expect("POST /kpis/recompute",                               "403/403 403/403 403/403 403/403 403/403 403/403 403/403 403/403 200/200");
        // Patrols: staff log a visit to a place inside their territory (departments have none); the
        // patroller and staff covering the place read it; one's own list.
        expect("POST /patrols",                                      "403/403 403/403 201/403 201/403 201/403 201/403 201/403 403/403 201/201");
        expect("GET /patrols/{patrolId}",                            "403/403 403/403 200/403 200/403 200/403 200/403 200/403 403/403 200/200");
        expect("GET /me/patrols",                                    "403/403 403/403 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        // Monthly summaries: the community's staff and staff above it (not its grids, not departments).
        // Registers (docs/registers.md): lists masked for the community's staff and staff above, and for those with a household
        // bound to them (workers inside the community may find theirs empty); a household whole for its community's staff and
        // its bound person, masked for other staff of its territory, unknown (404) to the rest; writes, import and export for
        // the community's own COMMUNITY_STAFF; residents nothing.
        expect("GET /communities/{code}/households",                 "403/403 200/403 200/403 200/403 200/403 200/403 200/403 403/403 200/200");
        expect("POST /communities/{code}/households",                "403/403 403/403 403/403 403/403 201/403 403/403 403/403 403/403 403/403");
        expect("GET /communities/{code}/households/{householdId}",   "403/403 200/404 200/404 200/404 200/404 200/404 200/404 404/404 200/200");
        expect("POST /communities/{code}/households/{householdId}/binding", "403/403 403/403 403/403 403/403 200/403 403/403 403/403 403/403 403/403");
        expect("GET /me/households",                                 "403/403 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        expect("POST /communities/{code}/household-imports",         "403/403 403/403 403/403 403/403 202/403 403/403 403/403 403/403 403/403");
        expect("GET /communities/{code}/household-imports/{jobId}",  "403/403 403/403 403/403 403/403 200/403 403/403 403/403 403/403 403/403");
        expect("GET /communities/{code}/household-ledger",           "403/403 403/403 403/403 403/403 200/403 403/403 403/403 403/403 403/403");
        // 包联 visits: logged by the bound person or the community's staff (other staff covering the household: 403; the rest
        // do not learn it exists: 404); one's own due list; the supervision list for the community's, street's and district's
        // staff; the visit recompute for administrators.
        expect("POST /communities/{code}/households/{householdId}/visits", "403/403 201/404 403/404 403/404 201/404 403/404 403/404 404/404 403/403");
        expect("GET /me/visits-due",                                 "403/403 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        expect("GET /communities/{code}/visit-supervision",          "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        expect("POST /communities/{code}/visit-recompute",           "403/403 403/403 403/403 403/403 403/403 403/403 403/403 403/403 200/200");
        expect("GET /communities/{code}/summaries",                  "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        expect("GET /communities/{code}/summaries/{month}",          "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        // Organisations (双报到 of units): the community's staff (covering it) register, update and link members; anyone
        // signed in lists them - contact persons masked for all but those staff.
        expect("POST /communities/{code}/organisations",             "403/403 403/403 403/403 403/403 201/403 201/403 201/403 403/403 201/201");
        expect("GET /communities/{code}/organisations",              "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        expect("PUT /communities/{code}/organisations/{organisationId}", "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        expect("POST /communities/{code}/organisations/{organisationId}/members", "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        // 议事协商: opened on a case by staff who own it at its tier (the west case is the community's: its grid worker
        // is its assignee, not an owner); the steps and reads for staff covering the consultation's community; the
        // published decisions (masked) for anyone signed in.
        expect("POST /consultations",                                "403/403 403/403 403/403 403/403 201/403 201/403 201/403 403/403 201/201");
        expect("GET /consultations/{consultationId}",                "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        expect("POST /consultations/{consultationId}/notices",       "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        expect("POST /consultations/{consultationId}/attendance",    "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        expect("POST /consultations/{consultationId}/decision",      "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        expect("POST /consultations/{consultationId}/cancellation",  "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        expect("GET /communities/{code}/consultations",              "403/403 403/403 403/403 403/403 200/403 200/403 200/403 403/403 200/200");
        expect("GET /communities/{code}/decisions",                  "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        // Open311 (docs/open311.md): public reads whoever calls (descriptions masked); a request is
        // filed with an api_key whose node holds the place (the west key in the west / the east),
        // whatever token comes with it; errors in GeoReport's own format.
        expect("GET /open311/discovery.json",                        "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        expect("GET /open311/discovery.xml",                         "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        expect("GET /open311/v2/services.json",                      "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        expect("GET /open311/v2/services.xml",                       "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        expect("GET /open311/v2/services/{serviceCode}",             "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        expect("POST /open311/v2/requests.json",                     "200/403 200/403 200/403 200/403 200/403 200/403 200/403 200/403 200/403");
        expect("POST /open311/v2/requests.xml",                      "200/403 200/403 200/403 200/403 200/403 200/403 200/403 200/403 200/403");
        expect("GET /open311/v2/requests.json",                      "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        expect("GET /open311/v2/requests.xml",                       "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        expect("GET /open311/v2/requests/{requestId}",               "200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200 200/200");
        // A token is an Open311 request's; a mini-program report's id found there would tell it exists (404).
        expect("GET /open311/v2/tokens/{token}",                     "200/404 200/404 200/404 200/404 200/404 200/404 200/404 200/404 200/404");
        // The 12345 platform signs its orders with the shared key, whoever's token comes along: "out" is
        // the same order signed with another key.
        expect("POST /hotline/orders",                               "202/401 202/401 202/401 202/401 202/401 202/401 202/401 202/401 202/401");
    }

    private static LocalCloud cloud;
    private static MatrixWorld world;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        world = new MatrixWorld(cloud);
    }

    /** One cell's request, built by the route's scenario for a role, in or out of its scope. */
    record Call(String method, String path, String body, MatrixWorld.Caller caller, Map<String, String> headers) {
        static Call get(String path, MatrixWorld.Caller caller) {
            return new Call("GET", path, null, caller, Map.of());
        }

        static Call post(String path, String body, MatrixWorld.Caller caller) {
            return new Call("POST", path, body, caller, Map.of("Content-Type", "application/json"));
        }

        static Call form(String path, String body, MatrixWorld.Caller caller) {
            return new Call("POST", path, body, caller, Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"));
        }
    }

    @Test
    void everyRouteRoleAndScopeAnswersAsTheTableSays() throws Exception {
        Map<String, Function<MatrixWorld.Ctx, Call>> scenarios = world.scenarios();
        Set<String> routes = new TreeSet<>(ApiRoutes.all());
        Set<String> noRow = new TreeSet<>(routes);
        noRow.removeAll(EXPECTED.keySet());
        Set<String> noScenario = new TreeSet<>(routes);
        noScenario.removeAll(scenarios.keySet());
        assertEquals(Set.of(), noRow, "routes without a row in the expected matrix: add them to EXPECTED");
        assertEquals(Set.of(), noScenario, "routes without a request in MatrixWorld.scenarios(): add one");
        Set<String> stale = new TreeSet<>(EXPECTED.keySet());
        stale.removeAll(routes);
        assertEquals(Set.of(), stale, "rows for routes that do not exist");

        Map<String, String[]> cellsByRoute = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Long> msByRoute = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, String> problemsByCell = new java.util.concurrent.ConcurrentHashMap<>();
        byFamily(EXPECTED.keySet(), route -> {
            long started = System.nanoTime();
            String[] got = new String[ROLES.size()];
            for (int i = 0; i < ROLES.size(); i++) {
                int in = send(scenarios, route, ROLES.get(i), true);
                int out = send(scenarios, route, ROLES.get(i), false);
                got[i] = in + "/" + out;
                if (world.lastProblems().length() > 0) problemsByCell.put(route + " " + i, world.lastProblems());
            }
            cellsByRoute.put(route, got);
            msByRoute.put(route, (System.nanoTime() - started) / 1_000_000);
        });

        List<String> mismatches = new ArrayList<>();
        StringBuilder printed = new StringBuilder("\nAuthorization matrix (in/out of scope; * = differs from the table)\n");
        printed.append(String.format("%-52s", "route"));
        for (Role r : ROLES) printed.append(String.format(" %-9s", abbreviation(r)));
        printed.append('\n');
        int cells = 0;
        for (Map.Entry<String, String> row : EXPECTED.entrySet()) {
            String[] expected = row.getValue().trim().split("\\s+");
            assertEquals(ROLES.size(), expected.length, row.getKey() + ": one in/out pair per role");
            printed.append(String.format("%-52s", row.getKey()));
            String[] got = cellsByRoute.get(row.getKey());
            for (int i = 0; i < ROLES.size(); i++) {
                cells += 2;
                boolean ok = expected[i].equals(got[i]);
                if (!ok) mismatches.add(row.getKey() + " as " + ROLES.get(i) + ": expected " + expected[i] + ", got " + got[i] + " "
                        + problemsByCell.getOrDefault(row.getKey() + " " + i, ""));
                printed.append(String.format(" %-9s", got[i] + (ok ? " " : "*")));
            }
            printed.append(String.format(" %5d ms%n", msByRoute.get(row.getKey())));
        }
        printed.append(EXPECTED.size()).append(" routes x ").append(ROLES.size()).append(" roles x in/out = ").append(cells)
                .append(" cells, ").append(mismatches.size()).append(" differ\n");
        System.out.println(printed);
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }

    /** Threads sending the matrix's rows: each cell waits on the gateway, DynamoDB Local and fixture writes in turn. */
    private static final int THREADS = 4;

    /**
     * Runs {@code body} for every route, side by side against the one gateway: a family of routes per task (see
     * {@link #family}), the routes of one family in the given order. Used by the matrix and the hostile-input suite.
     */
    static void byFamily(java.util.Collection<String> routes, java.util.function.Consumer<String> body) throws Exception {
        Map<String, List<String>> families = new LinkedHashMap<>();
        for (String route : routes) families.computeIfAbsent(family(route), k -> new ArrayList<>()).add(route);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (List<String> family : families.values()) {
                futures.add(pool.submit(() -> family.forEach(body)));
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Routes whose cells share objects or callers' state run in one task, in the table's order: the volunteer service
     * (wishes claimed and completed by the one volunteer; grade sheets of a year recomputed and adjusted), the rest by
     * their first path segment.
     */
    static String family(String route) {
        String path = route.substring(route.indexOf(' ') + 1);
        if (path.contains("/wishes") || path.contains("/claims")) return "wishes";
        if (path.matches("/(volunteers|service-logs|communities|me/(points|volunteer|service-logs|received-services)).*")) return "volunteers";
        String[] parts = path.split("/");
        return parts.length > 1 ? parts[1] : path;
    }

    private static int send(Map<String, Function<MatrixWorld.Ctx, Call>> scenarios, String route, Role role, boolean in) {
        Call call;
        try {
            call = scenarios.get(route).apply(world.ctx(role, in));
        } catch (org.linli.core.DomainException e) {
            String fields = e instanceof org.linli.core.ValidationFailed v ? " " + v.fields() : "";
            throw new AssertionError(route + " as " + role + (in ? " in" : " out") + ": a fixture was refused: " + e.code() + " "
                    + e.getMessage() + fields, e);
        }
        return world.send(call);
    }

    private static String abbreviation(Role r) {
        return switch (r) {
            case RESIDENT -> "RESIDENT";
            case VOLUNTEER -> "VOLUNTEER";
            case GRID_WORKER -> "GRID";
            case MICRO_GRID_LEADER -> "MICRO";
            case COMMUNITY_STAFF -> "COMMUNITY";
            case STREET_STAFF -> "STREET";
            case DISTRICT_STAFF -> "DISTRICT";
            case DEPARTMENT_STAFF -> "DEPT";
            case ADMIN -> "ADMIN";
        };
    }
}
