package org.linli.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.linli.adapters.sqs.ReportReceivedMessage;
import org.linli.core.Ids;
import org.linli.core.Times;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.json.Json;
import org.linli.kpi.CaseFacts;
import org.linli.local.LocalCloud;
import org.linli.local.template.FunctionEvent;
import org.linli.report.Contact;
import org.linli.report.Report;
import org.linli.report.ReportDraft;
import org.linli.report.ReportReceived;
import org.linli.report.Source;
import org.linli.tools.DemoTerritory;
import org.linli.tools.OpenKeys;

/**
 * Every operation of the template - each API route's main action, each queue consumer, each
 * schedule - driven once through its handler on the caller's thread (so that {@link CallCounter}
 * sees exactly that operation's AWS calls), in an order that lets each one find what it acts on
 * (a report before its case, a wish before its claim). Each operation carries its call budget; the
 * benchmark prints the table and {@code OperationBudgetIntegrationTest} asserts it.
 *
 * <p>A budget is a list of {@code Service.Operation=n} (exactly n) or {@code Service.Operation<=n}
 * (at most n, when the count depends on data such as nearby cases); no other call may appear.
 */
public final class Operations {
    /** A demo user as the authorizer passes him. */
    public record Who(String handle, String roles, String scope) {
        public String userId() {
            return DemoTerritory.userId(handle);
        }
    }

    static final Who RESIDENT = new Who("resident", "RESIDENT", "");
    static final Who RESIDENT2 = new Who("resident2", "RESIDENT", "");
    static final Who WORKER = new Who("worker-DEMO-W1-G3", "RESIDENT,GRID_WORKER", "DEMO-W1-G3");
    static final Who DISPATCHER = new Who("dispatcher-DEMO-W1", "RESIDENT,COMMUNITY_STAFF", "DEMO-W1");
    static final Who STREET = new Who("street-DEMO-W", "RESIDENT,STREET_STAFF", "DEMO-W");
    static final Who DISTRICT = new Who("district", "RESIDENT,DISTRICT_STAFF", "DEMO");
    static final Who ADMIN = new Who("admin", "RESIDENT,ADMIN", "");
    static final Who VOLUNTEER = new Who("volunteer-DEMO-W1-1", "RESIDENT,VOLUNTEER", "");
    static final Who VOLUNTEER2 = new Who("volunteer-DEMO-W1-2", "RESIDENT,VOLUNTEER", "");
    static final Who POLICE = new Who("dept-DEMO-PS-W", "RESIDENT,DEPARTMENT_STAFF", "DEMO-PS-W");

    /** One measured operation: what was called, the answer's status (HTTP, or 200/500 for consumers and schedules), the calls. */
    public record Result(String name, String kind, String function, int status, int expectedStatus, String budget,
                         CallCounter.Calls calls, String event) {
        /** Budget violations, empty when the calls fit. */
        public List<String> violations() {
            List<String> out = new ArrayList<>();
            Map<String, Integer> seen = new TreeMap<>(calls.byOperation());
            for (String term : budget.isBlank() ? new String[0] : budget.split(",")) {
                boolean atMost = term.contains("<=");
                String[] kv = term.trim().split(atMost ? "<=" : "=");
                int limit = Integer.parseInt(kv[1].trim());
                int got = seen.getOrDefault(kv[0].trim(), 0);
                seen.remove(kv[0].trim());
                if (atMost ? got > limit : got != limit) out.add(kv[0].trim() + ": " + got + (atMost ? " > " : " != ") + limit);
            }
            seen.forEach((op, n) -> out.add(op + ": " + n + " not in the budget"));
            if (expectedStatus == 0 ? status >= 500 : status != expectedStatus) out.add("status " + status + " != " + expectedStatus);
            return out;
        }
    }

    /**
     * Budgets by operation (AWS calls per invocation). Every write, and every read of personal data
     * by staff, reads the caller's account once first (identity.AccountCheck, issue 13 item 3): one
     * consistent GetItem of the users table, counted in these budgets. Data-dependent counts are bounds: the sweeps act
     * on what is due, the patrol plan on a month's micro-grids, the KPI recompute on the month's cases,
     * the assignment reads nearby cases (and retries its transaction once on a concurrent change);
     * reads a warm function caches (territory units, categories, communities) are "at most".
     */
    static final Map<String, String> BUDGETS = Map.ofEntries(
            Map.entry("POST /auth/wechat-login", "DynamoDb.GetItem=1,DynamoDb.PutItem=2,SecretsManager.GetSecretValue<=2"),
            // The console's QR sign-in: the unionid's link, the account, the new session (WeChat's secret cached per instance).
            Map.entry("POST /auth/wechat-web-login", "DynamoDb.GetItem=2,DynamoDb.PutItem=1,SecretsManager.GetSecretValue<=2"),
            Map.entry("POST /auth/refresh", "DynamoDb.GetItem=1,DynamoDb.PutItem=1,DynamoDb.DeleteItem=1"),
            Map.entry("GET /me", "DynamoDb.GetItem=1"),
            Map.entry("GET /admin/users", "DynamoDb.GetItem<=1,DynamoDb.Query=1"),
            Map.entry("GET /admin/users/{userId}", "DynamoDb.GetItem<=4,DynamoDb.Query=1"),
            Map.entry("POST /admin/users/{userId}/grants", "DynamoDb.GetItem=2,DynamoDb.TransactWriteItems=1"),
            Map.entry("POST /admin/users/{userId}/revocations", "DynamoDb.GetItem=2,DynamoDb.TransactWriteItems=1"),
            Map.entry("POST /admin/users/{userId}/disable", "DynamoDb.GetItem=2,DynamoDb.TransactWriteItems=1"),
            // PIPL (docs/privacy.md): a reveal is the account check, the case and the report, and one batch of the
            // access entry (one item per subject); erasures read the account and its record, write the record twice,
            // erase each report's contact (a Query per page of 50), each placed wish's contact (a Query of ByUser per page
            // of 50), the volunteer registration (one conditional UpdateItem, counted when he has none) and the account
            // (a transaction with its change record). The bounds are for a user with at most 50 reports and 50 wishes.
            Map.entry("POST /cases/{caseId}/contact-reveals", "DynamoDb.GetItem=3,DynamoDb.BatchWriteItem=1"),
            Map.entry("GET /cases/{caseId}/contact-reveals", "DynamoDb.GetItem=1,DynamoDb.Query=1"),
            Map.entry("GET /admin/access-log", "DynamoDb.GetItem=1,DynamoDb.Query=1"),
            Map.entry("DELETE /me", "DynamoDb.GetItem=3,DynamoDb.PutItem=2,DynamoDb.Query=2,DynamoDb.UpdateItem<=101,DynamoDb.DeleteItem<=1,DynamoDb.TransactWriteItems=1"),
            Map.entry("POST /admin/users/{userId}/erasure", "DynamoDb.GetItem=4,DynamoDb.PutItem=2,DynamoDb.Query=2,DynamoDb.UpdateItem<=101,DynamoDb.DeleteItem<=1,DynamoDb.TransactWriteItems=1"),
            Map.entry("schedule retention", "DynamoDb.Query<=16,DynamoDb.GetItem<=40,DynamoDb.UpdateItem<=40,DynamoDb.DeleteItem<=20"),
            Map.entry("POST /reports", "DynamoDb.GetItem=1,DynamoDb.PutItem=1,Sqs.SendMessage=1"),
            Map.entry("consumer AssignmentFunction", "DynamoDb.GetItem<=2,DynamoDb.BatchGetItem<=1,DynamoDb.Query<=4,DynamoDb.TransactWriteItems<=2,Sqs.SendMessage=1"),
            Map.entry("GET /reports/{reportId}", "DynamoDb.GetItem=2"),
            Map.entry("GET /me/reports", "DynamoDb.Query=1,DynamoDb.BatchGetItem<=1"),
            Map.entry("GET /cases/{caseId}", "DynamoDb.GetItem=1"),
            Map.entry("GET /cases/{caseId}/audit", "DynamoDb.GetItem=1,DynamoDb.Query=1"),
            Map.entry("POST /cases/{caseId}/actions/{action}", "DynamoDb.GetItem=1,DynamoDb.BatchGetItem=1,DynamoDb.TransactWriteItems=1,Sqs.SendMessage<=1"),
            // The case register, per page: the unit (the map pointer, cached, and its node), then at most three queries
            // of the street's ByUnit partition (or of ByMonth above the streets); the variants below state theirs.
            Map.entry("GET /cases", "DynamoDb.GetItem<=2,DynamoDb.Query<=3"),
            Map.entry("GET /me/cases", "DynamoDb.Query=1"),
            Map.entry("GET /dispatch/{nodeCode}/unassigned", "DynamoDb.Query=1"),
            Map.entry("GET /supervision/{nodeCode}/overdue", "DynamoDb.Query=1"),
            Map.entry("GET /departments/{departmentCode}/tasks", "DynamoDb.Query=1"),
            Map.entry("GET /me/notifications", "DynamoDb.Query=1"),
            Map.entry("POST /me/notifications/{notificationId}/read", "DynamoDb.GetItem=1,DynamoDb.UpdateItem=1"),
            Map.entry("GET /communities/{code}/summaries", "DynamoDb.GetItem<=2,DynamoDb.Query=1"),
            Map.entry("GET /communities/{code}/summaries/{month}", "DynamoDb.GetItem=1"),
            Map.entry("GET /territory/nodes/{code}", "DynamoDb.GetItem<=2,DynamoDb.Query=1"),
            Map.entry("GET /territory/nodes/{code}/buildings", "DynamoDb.GetItem<=1,DynamoDb.Query=1"),
            Map.entry("GET /territory/locate", "DynamoDb.GetItem<=1,DynamoDb.BatchGetItem=1"),
            Map.entry("GET /territory/versions", "DynamoDb.GetItem<=1,DynamoDb.Query=1"),
            Map.entry("GET /territory/departments", "DynamoDb.GetItem<=2,DynamoDb.Query=1"),
            Map.entry("POST /territory/imports", "DynamoDb.GetItem=1,DynamoDb.PutItem=1"),
            Map.entry("PUT /territory/imports/{jobId}/parts/{partId}", "DynamoDb.GetItem=2,DynamoDb.BatchWriteItem=1,DynamoDb.UpdateItem=1"),
            Map.entry("GET /territory/imports/{jobId}", "DynamoDb.GetItem=1"),
            Map.entry("POST /territory/imports/{jobId}/commit", "DynamoDb.GetItem=1"),
            Map.entry("POST /volunteers", "DynamoDb.GetItem<=3,DynamoDb.PutItem=1"),
            Map.entry("GET /me/volunteer", "DynamoDb.GetItem=1"),
            Map.entry("GET /communities/{code}/volunteers", "DynamoDb.GetItem=1,DynamoDb.Query=1,DynamoDb.BatchWriteItem=1"),
            Map.entry("POST /volunteers/{memberId}/decision", "DynamoDb.GetItem=2,DynamoDb.UpdateItem<=1,DynamoDb.TransactWriteItems<=1"),
            Map.entry("POST /volunteers/{memberId}/appraisals", "DynamoDb.GetItem=2,DynamoDb.PutItem=1,Sqs.SendMessage=1"),
            Map.entry("GET /me/points", "DynamoDb.Query=1"),
            Map.entry("POST /service-logs", "DynamoDb.GetItem=1,DynamoDb.BatchGetItem=1,DynamoDb.TransactWriteItems=1"),
            Map.entry("GET /me/service-logs", "DynamoDb.Query=1"),
            Map.entry("GET /me/received-services", "DynamoDb.Query=1"),
            Map.entry("GET /service-logs/{logId}", "DynamoDb.GetItem=1"),
            Map.entry("POST /service-logs/{logId}/verification", "DynamoDb.GetItem=2,DynamoDb.TransactWriteItems=1"),
            Map.entry("POST /service-logs/{logId}/rating", "DynamoDb.GetItem=1,DynamoDb.UpdateItem=1,Sqs.SendMessage=1"),
            Map.entry("GET /communities/{code}/service-logs", "DynamoDb.Query=1"),
            Map.entry("POST /wishes", "DynamoDb.GetItem<=3,DynamoDb.TransactWriteItems=1"),
            Map.entry("POST /wishes/{wishId}/review", "DynamoDb.GetItem=2,DynamoDb.PutItem=1"),
            Map.entry("GET /wishes/{wishId}", "DynamoDb.GetItem=2"),
            Map.entry("POST /wishes/{wishId}/claim", "DynamoDb.GetItem=1,DynamoDb.BatchGetItem=1,DynamoDb.UpdateItem=1"),
            Map.entry("POST /wishes/{wishId}/completion", "DynamoDb.BatchGetItem=1,DynamoDb.GetItem=2,DynamoDb.PutItem=1"),
            // photos: a grant is one transaction (the record and the rate-limit count); its state one read; a
            // validation reads the record and the upload, writes photo and thumbnail, records the state, deletes the upload
            Map.entry("POST /uploads", "DynamoDb.GetItem=1,DynamoDb.TransactWriteItems=1"),
            Map.entry("GET /uploads/{photoKey}", "DynamoDb.GetItem=1"),
            Map.entry("consumer PhotoValidatorFunction",
                    "DynamoDb.GetItem=1,S3.GetObject=1,S3.PutObject=2,DynamoDb.UpdateItem=1,S3.DeleteObject=1"),
            Map.entry("POST /wishes/{wishId}/confirmation", "DynamoDb.GetItem=2,DynamoDb.TransactWriteItems=1,Sqs.SendMessage=1"),
            Map.entry("POST /wishes/{wishId}/reassign", "DynamoDb.GetItem=3,DynamoDb.PutItem=1"),
            Map.entry("POST /wishes/{wishId}/release", "DynamoDb.GetItem=2,DynamoDb.PutItem=1"),
            Map.entry("GET /me/wishes", "DynamoDb.Query=1"),
            Map.entry("GET /me/claims", "DynamoDb.Query=1"),
            Map.entry("GET /communities/{code}/wishes", "DynamoDb.Query=1"),
            Map.entry("GET /communities/{code}/feed", "DynamoDb.Query=1"),
            Map.entry("POST /communities/{code}/assessments", "DynamoDb.GetItem<=4,DynamoDb.UpdateItem=1"),
            Map.entry("POST /communities/{code}/grades/{year}", "DynamoDb.GetItem=1,DynamoDb.Query<=3,DynamoDb.BatchWriteItem<=1,DynamoDb.PutItem=1"),
            // the sheet, then the year's hours per organisation: the organisations partition and, when there are any, the year's board
            Map.entry("GET /communities/{code}/grades/{year}", "DynamoDb.Query<=3"),
            // organisations: the account check, the community (cached after a function's first lookup), the partition
            Map.entry("POST /communities/{code}/organisations", "DynamoDb.GetItem<=3,DynamoDb.PutItem=1"),
            Map.entry("GET /communities/{code}/organisations", "DynamoDb.GetItem<=3,DynamoDb.Query=1"),
            Map.entry("PUT /communities/{code}/organisations/{organisationId}", "DynamoDb.GetItem<=3,DynamoDb.PutItem=1"),
            Map.entry("POST /communities/{code}/organisations/{organisationId}/members",
                    "DynamoDb.GetItem<=4,DynamoDb.TransactWriteItems=1"),
            // 议事协商: opening on a case reads the case, the organisations and departments named, writes the consultation
            // (one transaction) and notes the case through the workflow (its load, its transaction, its event)
            Map.entry("POST /consultations", "DynamoDb.GetItem<=4,DynamoDb.Query<=1,DynamoDb.BatchGetItem<=2,DynamoDb.TransactWriteItems<=2,Sqs.SendMessage<=1"),
            Map.entry("GET /consultations/{consultationId}", "DynamoDb.GetItem=2,DynamoDb.Query<=1"),
            Map.entry("POST /consultations/{consultationId}/notices",
                    "DynamoDb.GetItem=2,DynamoDb.Query<=1,DynamoDb.TransactWriteItems=1,Sqs.SendMessageBatch<=1"),
            Map.entry("POST /consultations/{consultationId}/attendance", "DynamoDb.GetItem=2,DynamoDb.Query<=1,DynamoDb.TransactWriteItems=1"),
            // a decision: the case's steps through the workflow (a redirect or a rejection one, a resolution of a queued case
            // two: accept, resolve), then the consultation and its published copy in one transaction
            Map.entry("POST /consultations/{consultationId}/decision",
                    "DynamoDb.GetItem=3,DynamoDb.Query<=1,DynamoDb.BatchGetItem<=4,DynamoDb.TransactWriteItems<=3,Sqs.SendMessage<=2"),
            Map.entry("POST /consultations/{consultationId}/cancellation", "DynamoDb.GetItem=2,DynamoDb.TransactWriteItems=1"),
            Map.entry("GET /communities/{code}/consultations", "DynamoDb.GetItem<=2,DynamoDb.Query=1"),
            Map.entry("GET /communities/{code}/decisions", "DynamoDb.GetItem<=2,DynamoDb.Query=1"),
            Map.entry("POST /communities/{code}/grades/{year}/adjustments", "DynamoDb.GetItem=1,DynamoDb.Query=1,DynamoDb.TransactWriteItems=1"),
            Map.entry("POST /communities/{code}/grades/{year}/publish", "DynamoDb.GetItem=1,DynamoDb.Query=1"),
            Map.entry("GET /communities/{code}/leaderboard", "DynamoDb.Query=1"),
            Map.entry("GET /communities/{code}/stars/{month}", "DynamoDb.Query=1"),
            Map.entry("GET /kpis/{unit}", "DynamoDb.GetItem<=1,DynamoDb.Query=1,DynamoDb.BatchGetItem<=1"),
            Map.entry("GET /kpis/{unit}/ranking", "DynamoDb.Query=1,DynamoDb.BatchGetItem<=1"),
            Map.entry("GET /kpis/{unit}/months", "DynamoDb.Query=1"),
            Map.entry("POST /kpis/recompute", "DynamoDb.GetItem<=60,DynamoDb.Query<=60"),
            Map.entry("POST /patrols", "DynamoDb.GetItem<=2,DynamoDb.BatchGetItem<=1,DynamoDb.TransactWriteItems=1"),
            Map.entry("GET /patrols/{patrolId}", "DynamoDb.GetItem=1"),
            Map.entry("GET /me/patrols", "DynamoDb.Query=1"),
            // Registers: writes and whole reads check the account; the map pointer is cached (<=1); whole reads and the
            // export write one access entry; KMS: one data key per instance, unwrapped keys cached.
            Map.entry("POST /communities/{code}/households", "DynamoDb.GetItem<=4,DynamoDb.BatchWriteItem=1,Kms.GenerateDataKey<=1"),
            Map.entry("POST /communities/{code}/households/{householdId}/binding", "DynamoDb.GetItem<=4,DynamoDb.UpdateItem=1,"
                    + "DynamoDb.TransactWriteItems<=1,Kms.Decrypt<=1"),
            Map.entry("POST /communities/{code}/households/{householdId}/visits", "DynamoDb.GetItem<=4,DynamoDb.TransactWriteItems<=2,"
                    + "Kms.Decrypt<=1"),
            Map.entry("GET /me/visits-due", "DynamoDb.Query=1"),
            Map.entry("GET /communities/{code}/visit-supervision", "DynamoDb.GetItem<=2,DynamoDb.Query=1"),
            Map.entry("POST /communities/{code}/visit-recompute", "DynamoDb.GetItem<=12,DynamoDb.Query=2,DynamoDb.UpdateItem<=4"),
            Map.entry("GET /communities/{code}/households/{householdId}", "DynamoDb.GetItem=2,DynamoDb.BatchWriteItem=1,Kms.Decrypt<=1"),
            Map.entry("GET /communities/{code}/households", "DynamoDb.GetItem<=2,DynamoDb.Query=1"),
            Map.entry("GET /me/households", "DynamoDb.Query=1"),
            Map.entry("POST /communities/{code}/household-imports", "DynamoDb.GetItem<=3,DynamoDb.PutItem=1,DynamoDb.BatchWriteItem=1,"
                    + "DynamoDb.UpdateItem=2,Sqs.SendMessage=1"),
            Map.entry("GET /communities/{code}/household-imports/{jobId}", "DynamoDb.GetItem=1"),
            Map.entry("GET /communities/{code}/household-ledger", "DynamoDb.GetItem=1,DynamoDb.Query=1,DynamoDb.BatchWriteItem=1,Kms.Decrypt<=1"),
            Map.entry("POST /hotline/orders", "DynamoDb.GetItem<=2,DynamoDb.PutItem=1,Sqs.SendMessage=1,SecretsManager.GetSecretValue<=1"),
            Map.entry("GET /open311/discovery.json", ""),
            Map.entry("GET /open311/discovery.xml", ""),
            Map.entry("GET /open311/v2/services.json", ""),
            Map.entry("GET /open311/v2/services.xml", ""),
            Map.entry("GET /open311/v2/services/{serviceCode}", ""),
            Map.entry("POST /open311/v2/requests.json", "DynamoDb.GetItem<=4,DynamoDb.PutItem=1,Sqs.SendMessage=1"),
            Map.entry("POST /open311/v2/requests.xml", "DynamoDb.GetItem<=4,DynamoDb.PutItem=1,Sqs.SendMessage=1"),
            Map.entry("GET /open311/v2/requests.json", "DynamoDb.Query<=4,DynamoDb.BatchGetItem<=2,DynamoDb.GetItem<=1"),
            Map.entry("GET /open311/v2/requests.xml", "DynamoDb.Query<=4,DynamoDb.BatchGetItem<=2,DynamoDb.GetItem<=1"),
            Map.entry("GET /open311/v2/requests/{requestId}", "DynamoDb.BatchGetItem=2"),
            Map.entry("GET /open311/v2/tokens/{token}", "DynamoDb.GetItem=1"),
            Map.entry("schedule intake-sweep", "DynamoDb.Query=4,DynamoDb.GetItem<=40,DynamoDb.BatchGetItem<=40,DynamoDb.TransactWriteItems<=40,Sqs.SendMessage<=40"),
            Map.entry("schedule case-sweep", "DynamoDb.Query=4,DynamoDb.BatchGetItem<=40,DynamoDb.TransactWriteItems<=40,Sqs.SendMessage<=40"),
            Map.entry("schedule patrol-plan", "DynamoDb.GetItem=1,DynamoDb.BatchGetItem<=1,DynamoDb.Query<=24,DynamoDb.UpdateItem<=48"),
            // the last case event is a consultation's summons: its departments are read (BatchGetItem)
            // an event of a 12345 work order's case also reads and raises how far the case was reported (+1 GetItem,
            // +1 UpdateItem), reads the case for a result (+1 GetItem) and puts each status report in the FIFO outbox
            // (SendMessage: 1, or 2 for an OPEN that assigned at once and for a callback with the resident's verdict)
            Map.entry("consumer CaseEventsFunction", "DynamoDb.Query<=1,DynamoDb.GetItem<=3,DynamoDb.BatchGetItem<=1,DynamoDb.PutItem<=2,DynamoDb.UpdateItem<=2,DynamoDb.TransactWriteItems<=1,Sqs.SendMessageBatch<=1,Sqs.SendMessage<=2"),
            // a status report to the 12345 platform: the shared key once per process, then one HTTP POST (no AWS call)
            Map.entry("consumer HotlineOutboxFunction", "SecretsManager.GetSecretValue<=1"),
            // the last message of the run: a push, or (a reporter WeChat cannot reach) a push settled and its SMS
            Map.entry("consumer NotificationFunction", "DynamoDb.BatchGetItem<=2,DynamoDb.PutItem<=2,DynamoDb.UpdateItem<=2,"
                    + "DynamoDb.GetItem<=2,DynamoDb.TransactWriteItems<=1,SecretsManager.GetSecretValue<=1"),
            // docs/sms.md: users (openid), store + claim push, settle NO_OPENID; case's report ids, reports' phones;
            // SMS claim + the phone's day counted (one transaction), settle SENT (+ the SMS key pair, once per process)
            Map.entry("consumer NotificationFunction sms", "DynamoDb.BatchGetItem=2,DynamoDb.PutItem=1,DynamoDb.UpdateItem=2,"
                    + "DynamoDb.GetItem=1,DynamoDb.TransactWriteItems=1,SecretsManager.GetSecretValue<=1"),
            // the same message again: push found settled; the phones read again; the SMS claim finds it SENT (nothing sent)
            Map.entry("consumer NotificationFunction sms again", "DynamoDb.BatchGetItem=2,DynamoDb.PutItem=1,DynamoDb.GetItem<=2,"
                    + "DynamoDb.TransactWriteItems=1"),
            Map.entry("consumer RatingFunction", "DynamoDb.TransactWriteItems<=1"),
            // A ledger's dry run (or its redelivery: the claim refused, the job read): claim, parts, the community's
            // buildings walked (two Queries a node: about 24 for a demo community), progress, the outcome. No KMS: nothing sealed.
            Map.entry("consumer ImportWorkerFunction", "DynamoDb.UpdateItem<=5,DynamoDb.GetItem<=4,DynamoDb.Query<=60"),
            Map.entry("schedule cycle contact", "DynamoDb.GetItem<=1,DynamoDb.Query<=3,Sqs.SendMessageBatch<=1"),
            Map.entry("schedule cycle collect", "DynamoDb.GetItem<=1,DynamoDb.Query<=3,Sqs.SendMessageBatch<=1"),
            Map.entry("schedule cycle classify", "DynamoDb.GetItem<=1,DynamoDb.Query<=3,Sqs.SendMessageBatch<=1"),
            Map.entry("schedule cycle service-day", "DynamoDb.GetItem<=1,DynamoDb.Query<=3,Sqs.SendMessageBatch<=1"),
            Map.entry("schedule cycle evaluate", "DynamoDb.GetItem<=1,DynamoDb.Query<=3,Sqs.SendMessageBatch<=1"),
            Map.entry("schedule cycle summarize", "DynamoDb.GetItem<=1,DynamoDb.Query<=3,Sqs.SendMessageBatch<=1"));

    private final LocalCloud cloud;
    private final Map<String, String> functionByRoute = new LinkedHashMap<>();
    private final List<Result> results = new ArrayList<>();
    private final String month;
    private final int year;

    public Operations(LocalCloud cloud) {
        this.cloud = cloud;
        // The cloud's time, not the machine's: a cloud may run at a fixed or offset time (run-local --clock, the tests).
        this.month = CaseFacts.monthOf(now()).toString();
        this.year = OffsetDateTime.ofInstant(now(), ZoneOffset.ofHours(8)).getYear();
        for (FunctionEvent.HttpApi r : cloud.model().routes()) functionByRoute.put(r.routeKey(), r.functionLogicalId());
    }

    /** Runs every operation once, in order, and returns each one's calls. */
    public List<Result> runAll() {
        results.clear();
        auth();
        String caseId = reportsAndCases();
        territory();
        volunteers();
        wishes();
        photos();
        organisationsAndConsultations();
        grading();
        kpisAndPatrols();
        registers();
        open311(caseId);
        consumersAndSchedules();
        return List.copyOf(results);
    }

    private void auth() {
        JsonNode login = http("POST /auth/wechat-login", "/auth/wechat-login", Map.of(), "{\"code\":\"bench-code\"}", null, 200, "");
        http("POST /auth/refresh", "/auth/refresh", Map.of(), "{\"refreshToken\":\"" + login.path("refreshToken").asText() + "\"}",
                null, 200, "");
        http("GET /me", "/me", Map.of(), null, RESIDENT, 200, "");
        http("POST /auth/wechat-web-login", "/auth/wechat-web-login", Map.of(), "{\"code\":\"web_street-DEMO-W_1\",\"state\":\"b\"}",
                null, 200, "");
        // User administration on the account the login just made: a role that is not held over nodes, granted and revoked.
        String uid = login.path("user").path("userId").asText();
        Map<String, String> u = Map.of("userId", uid);
        http("GET /admin/users/{userId}", "/admin/users/" + uid, u, null, ADMIN, 200, "");
        http("GET /admin/users", "/admin/users", Map.of(), Map.of("role", "COMMUNITY_STAFF", "limit", "20"), null, ADMIN, 200, "");
        http("POST /admin/users/{userId}/grants", "/admin/users/" + uid + "/grants", u,
                "{\"role\":\"ADMIN\",\"reason\":\"bench\"}", ADMIN, 200, "");
        http("POST /admin/users/{userId}/revocations", "/admin/users/" + uid + "/revocations", u,
                "{\"role\":\"ADMIN\",\"reason\":\"bench\"}", ADMIN, 200, "");
        // A staff member who left: another new account, disabled (not the login above, which later runs reuse).
        String leaver = newUser("bench-leaver-" + UUID.randomUUID());
        http("POST /admin/users/{userId}/disable", "/admin/users/" + leaver + "/disable", Map.of("userId", leaver),
                "{\"reason\":\"bench\"}", ADMIN, 200, "");
    }

    private String reportsAndCases() {
        JsonNode report = http("POST /reports", "/reports", Map.of(), """
                {"category":"sanitation","description":"垃圾未清运","location":{"lat":37.8521,"lng":113.5667,"datum":"GCJ02"},
                 "contact":{"name":"王芳","phone":"13812341234"}}""", RESIDENT, 202, "DynamoDb.GetItem=1,DynamoDb.TransactWriteItems=1,Sqs.SendMessage=1");
        String reportId = report.path("reportId").asText();
        // The assignment consumer on a report stored as intake would (intake's own message is the local cloud's to consume).
        var store = new org.linli.adapters.dynamo.cases.DynamoReportStore(cloud.dynamo(), cloud.tableName("CasesTable"));
        Instant now = now();
        Report fresh = Report.received(Ids.random("rpt", now), RESIDENT.userId(), new ReportDraft("sanitation", "垃圾未清运",
                new GeoPoint(37.8521, 113.5667, Datum.GCJ02), null, List.of(),
                new Contact(null, "13812341234"), false, Source.MINI_PROGRAM), now);
        store.insertNew(fresh);
        consumer("consumer AssignmentFunction", "AssignmentFunction", Events.sqs(cloud.queueArn("AssignmentQueue"), "m-" + fresh.id(),
                ReportReceivedMessage.encode(ReportReceived.of(fresh))), "");
        String caseId = store.find(fresh.id()).orElseThrow().caseId();
        http("GET /reports/{reportId}", "/reports/" + reportId, Map.of("reportId", reportId), null, RESIDENT, 200, "");
        http("GET /me/reports", "/me/reports", Map.of(), null, RESIDENT, 200, "");
        Map<String, String> c = Map.of("caseId", caseId);
        http("GET /cases/{caseId}", "/cases/" + caseId, c, null, DISPATCHER, 200, "");
        http("GET /cases/{caseId}/audit", "/cases/" + caseId + "/audit", c, null, DISPATCHER, 200, "");
        http("POST /cases/{caseId}/actions/{action}", "/cases/" + caseId + "/actions/add-note",
                Map.of("caseId", caseId, "action", "add-note"), "{\"note\":\"已联系\"}", DISPATCHER, 200, "");
        // The case register: a street's page, a community's within it, the district's month walk, the two searches.
        http("GET /cases", "/cases", Map.of(), Map.of("status", "ASSIGNED,UNASSIGNED,ACCEPTED", "limit", "20"), null, STREET, 200, "");
        http("GET /cases", "/cases", Map.of(), Map.of("unit", "DEMO-W1", "overdue", "false"), null, DISPATCHER, 200, "");
        http("GET /cases", "/cases", Map.of(), Map.of("matterType", "COMMUNITY"), null, DISTRICT, 200, "");
        http("GET /cases", "/cases", Map.of(), Map.of("phoneLast4", "1234"), null, STREET, 200,
                "DynamoDb.GetItem<=2,DynamoDb.Query=1,DynamoDb.BatchGetItem<=1");
        http("GET /cases", "/cases", Map.of(), Map.of("caseId", caseId), null, STREET, 200, "DynamoDb.GetItem<=3");
        http("GET /me/cases", "/me/cases", Map.of(), null, WORKER, 200, "");
        privacy(caseId, fresh.id());
        http("GET /dispatch/{nodeCode}/unassigned", "/dispatch/DEMO-W/unassigned", Map.of("nodeCode", "DEMO-W"), null, STREET, 200, "");
        http("GET /supervision/{nodeCode}/overdue", "/supervision/DEMO-W/overdue", Map.of("nodeCode", "DEMO-W"),
                Map.of("level", "COMMUNITY"), null, STREET, 200, "");
        http("GET /departments/{departmentCode}/tasks", "/departments/DEMO-PS-W/tasks", Map.of("departmentCode", "DEMO-PS-W"), null,
                POLICE, 200, "");
        JsonNode inbox = http("GET /me/notifications", "/me/notifications", Map.of(), null, RESIDENT, 200, "");
        String ntf = inbox.path("items").path(0).path("notificationId").asText("ntf_00000000000000000000000000");
        // The resident's inbox may be empty on a fresh cloud: then the read is the route's 404 (the same one write).
        http("POST /me/notifications/{notificationId}/read", "/me/notifications/" + ntf + "/read", Map.of("notificationId", ntf), "{}",
                RESIDENT, 0, "");
        http("GET /communities/{code}/summaries", "/communities/DEMO-W1/summaries", Map.of("code", "DEMO-W1"), null, DISPATCHER, 200, "");
        http("GET /communities/{code}/summaries/{month}", "/communities/DEMO-W1/summaries/2020-01",
                Map.of("code", "DEMO-W1", "month", "2020-01"), null, DISPATCHER, 404, "");
        return caseId;
    }

    /** PIPL: a recorded reveal by the staff handling the case, the case's reveals, the access log, the two erasures. */
    private void privacy(String caseId, String reportId) {
        Map<String, String> c = Map.of("caseId", caseId);
        http("POST /cases/{caseId}/contact-reveals", "/cases/" + caseId + "/contact-reveals", c,
                "{\"reportId\":\"" + reportId + "\",\"reason\":\"电话回访\"}", DISPATCHER, 200, "");
        http("GET /cases/{caseId}/contact-reveals", "/cases/" + caseId + "/contact-reveals", c, null, DISPATCHER, 200, "");
        http("GET /admin/access-log", "/admin/access-log", Map.of(), Map.of("subject", "report:" + reportId), null, ADMIN, 200, "");
        String leaving = newUser("bench-erasure-" + UUID.randomUUID());
        http("DELETE /me", "/me", Map.of(), null, leaving, "RESIDENT", "", 202, "");
        String erased = newUser("bench-erased-" + UUID.randomUUID());
        http("POST /admin/users/{userId}/erasure", "/admin/users/" + erased + "/erasure", Map.of("userId", erased),
                "{\"reason\":\"本人书面申请\"}", ADMIN, 202, "");
    }

    private void territory() {
        http("GET /territory/nodes/{code}", "/territory/nodes/DEMO-W1-G1", Map.of("code", "DEMO-W1-G1"), null, RESIDENT, 200, "");
        http("GET /territory/nodes/{code}/buildings", "/territory/nodes/DEMO-W1-G1-M1/buildings", Map.of("code", "DEMO-W1-G1-M1"), null,
                RESIDENT, 200, "");
        http("GET /territory/locate", "/territory/locate", Map.of(), Map.of("lat", "37.8481", "lng", "113.5452", "datum", "GCJ02"),
                null, RESIDENT, 200, "");
        http("GET /territory/versions", "/territory/versions", Map.of(), null, ADMIN, 200, "");
        http("GET /territory/departments", "/territory/departments", Map.of(), null, DISPATCHER, 200, "");
        String job = http("POST /territory/imports", "/territory/imports", Map.of(), "{\"note\":\"bench\"}", ADMIN, 201, "")
                .path("jobId").asText();
        http("PUT /territory/imports/{jobId}/parts/{partId}", "/territory/imports/" + job + "/parts/territory-0001",
                Map.of("jobId", job, "partId", "territory-0001"), "{\"type\":\"FeatureCollection\",\"features\":[]}", ADMIN, 200, "");
        http("GET /territory/imports/{jobId}", "/territory/imports/" + job, Map.of("jobId", job), null, ADMIN, 200, "");
        // Committing this empty job would queue a real import of nothing; a job that does not exist shows the route's read.
        http("POST /territory/imports/{jobId}/commit", "/territory/imports/nope/commit", Map.of("jobId", "nope"), "{}", ADMIN, 404, "");
    }

    private void volunteers() {
        String freshId = Ids.random("usr", now());
        http("POST /volunteers", "/volunteers", Map.of(), "{\"community\":\"DEMO-W1\",\"name\":\"张新\",\"phone\":\"13700001111\","
                + "\"partyOrganisation\":\"第一党支部\"}", freshId, "RESIDENT", "", 201, "");
        http("GET /me/volunteer", "/me/volunteer", Map.of(), null, VOLUNTEER, 200, "");
        http("GET /communities/{code}/volunteers", "/communities/DEMO-W1/volunteers", Map.of("code", "DEMO-W1"), null, DISPATCHER, 200, "");
        http("POST /volunteers/{memberId}/decision", "/volunteers/" + freshId + "/decision", Map.of("memberId", freshId),
                "{\"decision\":\"APPROVE\"}", DISPATCHER, 200, "");
        http("POST /volunteers/{memberId}/appraisals", "/volunteers/" + VOLUNTEER.userId() + "/appraisals",
                Map.of("memberId", VOLUNTEER.userId()), "{\"year\":" + year + ",\"score\":5}", RESIDENT2, 202, "");
        http("GET /me/points", "/me/points", Map.of(), null, VOLUNTEER, 200, "");
        // Yesterday 09:00-10:00 in Beijing: a service lies within one day, whatever the hour the benchmark runs.
        OffsetDateTime yesterday = OffsetDateTime.ofInstant(now(), ZoneOffset.ofHours(8)).truncatedTo(java.time.temporal.ChronoUnit.DAYS).minusDays(1);
        String start = yesterday.plusHours(9).toString();
        String end = yesterday.plusHours(10).toString();
        String logId = http("POST /service-logs", "/service-logs", Map.of(), "{\"community\":\"DEMO-W1\",\"type\":\"elderly_care\",\"start\":\""
                + start + "\",\"end\":\"" + end + "\",\"beneficiaryId\":\"" + RESIDENT.userId() + "\"}", VOLUNTEER, 201, "")
                .path("logId").asText();
        http("GET /me/service-logs", "/me/service-logs", Map.of(), null, VOLUNTEER, 200, "");
        http("GET /me/received-services", "/me/received-services", Map.of(), null, RESIDENT, 200, "");
        Map<String, String> l = Map.of("logId", logId);
        http("GET /service-logs/{logId}", "/service-logs/" + logId, l, null, VOLUNTEER, 200, "");
        http("POST /service-logs/{logId}/verification", "/service-logs/" + logId + "/verification", l, "{\"decision\":\"VERIFY\"}",
                RESIDENT, 200, "");
        http("POST /service-logs/{logId}/rating", "/service-logs/" + logId + "/rating", l, "{\"score\":5}", RESIDENT, 200, "");
        http("GET /communities/{code}/service-logs", "/communities/DEMO-W1/service-logs", Map.of("code", "DEMO-W1"), null, DISPATCHER,
                200, "");
    }

    private void wishes() {
        String wanted = Times.api(now().plus(Duration.ofDays(2)));
        String body = "{\"community\":\"DEMO-W1\",\"title\":\"买菜\",\"detail\":\"帮忙买菜\",\"wantedBy\":\"" + wanted
                + "\",\"place\":\"桃源小区1号楼\",\"contact\":{\"phone\":\"13812341234\"}}";
        String id = http("POST /wishes", "/wishes", Map.of(), body, RESIDENT, 201, "").path("wishId").asText();
        Map<String, String> w = Map.of("wishId", id);
        String p = "/wishes/" + id;
        http("POST /wishes/{wishId}/review", p + "/review", w, "{\"decision\":\"APPROVE\"}", DISPATCHER, 200, "");
        http("GET /wishes/{wishId}", p, w, null, VOLUNTEER, 200, "");
        http("POST /wishes/{wishId}/claim", p + "/claim", w, "{}", VOLUNTEER, 200, "");
        http("POST /wishes/{wishId}/completion", p + "/completion", w, "{\"note\":\"已送到\",\"evidencePhotoKeys\":[\""
                + validatedPhoto(cloud, VOLUNTEER.userId()) + "\"]}", VOLUNTEER, 200, "");
        http("POST /wishes/{wishId}/confirmation", p + "/confirmation", w, "{\"score\":5}", RESIDENT, 200, "");
        String other = http(null, "/wishes", Map.of(), body, RESIDENT2, 201, "").path("wishId").asText();
        Map<String, String> o = Map.of("wishId", other);
        http(null, "/wishes/" + other + "/review", o, "{\"decision\":\"APPROVE\"}", DISPATCHER, 200, "");
        http(null, "/wishes/" + other + "/claim", o, "{}", VOLUNTEER, 200, "");
        http("POST /wishes/{wishId}/reassign", "/wishes/" + other + "/reassign", o,
                "{\"memberId\":\"" + VOLUNTEER2.userId() + "\",\"reason\":\"原认领人出差\"}", DISPATCHER, 200, "");
        http("POST /wishes/{wishId}/release", "/wishes/" + other + "/release", o, "{\"reason\":\"无人按期服务\",\"wantedBy\":\"" + wanted + "\"}",
                DISPATCHER, 200, "");
        http("GET /me/wishes", "/me/wishes", Map.of(), null, RESIDENT, 200, "");
        http("GET /me/claims", "/me/claims", Map.of(), null, VOLUNTEER, 200, "");
        http("GET /communities/{code}/wishes", "/communities/DEMO-W1/wishes", Map.of("code", "DEMO-W1"), null, DISPATCHER, 200, "");
        http("GET /communities/{code}/feed", "/communities/DEMO-W1/feed", Map.of("code", "DEMO-W1"), null, RESIDENT, 200, "");
    }

    /**
     * Organisations of DEMO-W1 (a volunteer linked), then 议事协商 on a fresh 难事 case (illegal construction: the
     * street's queue) through notice, attendance and a decision that summons the west police station, and a
     * second consultation on a topic, cancelled.
     */
    private void organisationsAndConsultations() {
        Map<String, String> c = Map.of("code", "DEMO-W1");
        String base = "/communities/DEMO-W1/organisations";
        String org = http("POST /communities/{code}/organisations", base, c, "{\"kind\":\"PROPERTY_MANAGER\",\"name\":\"安居物业\","
                + "\"contact\":{\"name\":\"赵经理\",\"phone\":\"13911112222\"}}", DISPATCHER, 201, "").path("organisationId").asText();
        Map<String, String> co = Map.of("code", "DEMO-W1", "organisationId", org);
        http("GET /communities/{code}/organisations", base, c, null, DISPATCHER, 200, "");
        http("PUT /communities/{code}/organisations/{organisationId}", base + "/" + org, co, "{\"version\":1,\"kind\":\"PROPERTY_MANAGER\","
                + "\"name\":\"安居物业服务有限公司\",\"contact\":{\"name\":\"赵经理\",\"phone\":\"13911112222\"}}", DISPATCHER, 200, "");
        http("POST /communities/{code}/organisations/{organisationId}/members", base + "/" + org + "/members", co,
                "{\"memberId\":\"" + VOLUNTEER.userId() + "\"}", DISPATCHER, 200, "");

        var reports = new org.linli.adapters.dynamo.cases.DynamoReportStore(cloud.dynamo(), cloud.tableName("CasesTable"));
        Instant now = now();
        Report hard = Report.received(Ids.random("rpt", now), RESIDENT.userId(), new ReportDraft("illegal_construction", "楼顶违章搭建",
                new GeoPoint(37.8521, 113.5667, Datum.GCJ02), null, List.of(), new Contact(null, "13812341234"), false,
                Source.MINI_PROGRAM), now);
        reports.insertNew(hard);
        cloud.invoke("AssignmentFunction", Events.sqs(cloud.queueArn("AssignmentQueue"), "m-" + hard.id(),
                ReportReceivedMessage.encode(ReportReceived.of(hard))));
        String caseId = reports.find(hard.id()).orElseThrow().caseId();
        String meetingAt = Times.api(now.plus(Duration.ofDays(2)));
        String participants = "\"participants\":[{\"kind\":\"RESIDENT_REPRESENTATIVE\",\"name\":\"王芳\",\"userId\":\""
                + RESIDENT.userId() + "\"},{\"kind\":\"PROPERTY_MANAGER\",\"organisationId\":\"" + org + "\"},"
                + "{\"kind\":\"DEPARTMENT\",\"department\":\"DEMO-PS-W\"}]";
        String csl = http("POST /consultations", "/consultations", Map.of(), "{\"caseId\":\"" + caseId + "\",\"topic\":\"楼顶违章搭建\","
                + "\"place\":\"社区议事厅\",\"meetingAt\":\"" + meetingAt + "\",\"options\":[\"限期拆除\",\"补办手续\"]," + participants + "}",
                STREET, 201, "").path("consultationId").asText();
        Map<String, String> k = Map.of("consultationId", csl);
        http("GET /consultations/{consultationId}", "/consultations/" + csl, k, null, STREET, 200, "");
        http("POST /consultations/{consultationId}/notices", "/consultations/" + csl + "/notices", k, "{}", STREET, 200, "");
        http("POST /consultations/{consultationId}/attendance", "/consultations/" + csl + "/attendance", k,
                "{\"present\":[\"p1\",\"p2\",\"p3\"]}", STREET, 200, "");
        http("POST /consultations/{consultationId}/decision", "/consultations/" + csl + "/decision", k, "{\"chosen\":1,\"votes\":[3,0],"
                + "\"summary\":\"由派出所会同城管限期拆除\",\"outcome\":\"REDIRECTED\",\"departments\":[\"DEMO-PS-W\"]}", STREET, 200, "");
        String topic = http(null, "/consultations", Map.of(), "{\"community\":\"DEMO-W1\",\"topic\":\"停车位规划\",\"place\":\"议事亭\","
                + "\"meetingAt\":\"" + meetingAt + "\",\"options\":[\"划线\",\"不划线\"],\"participants\":[{\"kind\":\"STAFF\",\"name\":\"社区主任\"}]}",
                DISPATCHER, 201, "").path("consultationId").asText();
        http("POST /consultations/{consultationId}/cancellation", "/consultations/" + topic + "/cancellation",
                Map.of("consultationId", topic), "{\"reason\":\"改期\"}", DISPATCHER, 200, "");
        http("GET /communities/{code}/consultations", "/communities/DEMO-W1/consultations", c, null, DISPATCHER, 200, "");
        http("GET /communities/{code}/decisions", "/communities/DEMO-W1/decisions", c, null, RESIDENT, 200, "");
    }

    private void grading() {
        Map<String, String> c = Map.of("code", "DEMO-W1");
        Map<String, String> cy = Map.of("code", "DEMO-W1", "year", String.valueOf(year));
        String base = "/communities/DEMO-W1";
        http("POST /communities/{code}/assessments", base + "/assessments", c, "{\"memberId\":\"" + VOLUNTEER.userId() + "\",\"year\":" + year
                + ",\"score\":90}", DISPATCHER, 200, "");
        http("POST /communities/{code}/grades/{year}", base + "/grades/" + year, cy, "{}", DISPATCHER, 200, "");
        http("GET /communities/{code}/grades/{year}", base + "/grades/" + year, cy, null, DISPATCHER, 200, "");
        http("POST /communities/{code}/grades/{year}/adjustments", base + "/grades/" + year + "/adjustments", cy,
                "{\"memberId\":\"" + VOLUNTEER.userId() + "\",\"grade\":\"EXCELLENT\",\"reason\":\"表现突出\"}", DISPATCHER, 200, "");
        // Publishing freezes the year's sheet for every later run: a past year shows the route without freezing this one.
        http("POST /communities/{code}/grades/{year}/publish", base + "/grades/2001/publish", Map.of("code", "DEMO-W1", "year", "2001"),
                "{}", DISPATCHER, 404, "");
        http("GET /communities/{code}/leaderboard", base + "/leaderboard", c, null, RESIDENT, 200, "");
        http("GET /communities/{code}/stars/{month}", base + "/stars/" + month, Map.of("code", "DEMO-W1", "month", month), null,
                RESIDENT, 200, "");
    }

    private void kpisAndPatrols() {
        http("GET /kpis/{unit}", "/kpis/DEMO", Map.of("unit", "DEMO"), Map.of("month", month), null, DISTRICT, 200, "");
        http("GET /kpis/{unit}/ranking", "/kpis/DEMO/ranking", Map.of("unit", "DEMO"), null, DISTRICT, 200, "");
        http("GET /kpis/{unit}/months", "/kpis/DEMO-W/months", Map.of("unit", "DEMO-W"), null, DISTRICT, 200, "");
        http("POST /kpis/recompute", "/kpis/recompute", Map.of(), "{\"month\":\"" + month + "\"}", ADMIN, 200, "");
        String visitedAt = OffsetDateTime.ofInstant(now(), ZoneOffset.ofHours(8)).minusMinutes(3).withNano(0).toString();
        String patrol = http("POST /patrols", "/patrols", Map.of(), "{\"place\":{\"microGrid\":\"DEMO-W1-G3-M1\"},\"visitedAt\":\""
                + visitedAt + "\",\"findings\":[{\"note\":\"一切正常\"}]}", WORKER, 201, "").path("patrolId").asText();
        http("GET /patrols/{patrolId}", "/patrols/" + patrol, Map.of("patrolId", patrol), null, WORKER, 200, "");
        http("GET /me/patrols", "/me/patrols", Map.of(), null, WORKER, 200, "");
    }

    private void open311(String caseId) {
        String order = org.linli.tools.HotlineClient.order("BM" + System.nanoTime(), "环境卫生", 37.8470, 113.5790);
        Map<String, String> signed = new java.util.HashMap<>(org.linli.tools.HotlineClient.headers(org.linli.tools.LocalSetup.HOTLINE_KEY, order,
                cloud.clock().instant()));
        invokeHttp("POST /hotline/orders", "POST /hotline/orders", Events.http("POST /hotline/orders", "/hotline/orders", Map.of(), Map.of(),
                order, null, null, null, signed), 202, "");
        http("GET /open311/discovery.json", "/open311/discovery.json", Map.of(), null, null, 200, "");
        http("GET /open311/discovery.xml", "/open311/discovery.xml", Map.of(), null, null, 200, "");
        http("GET /open311/v2/services.json", "/open311/v2/services.json", Map.of(), null, null, 200, "");
        http("GET /open311/v2/services.xml", "/open311/v2/services.xml", Map.of(), null, null, 200, "");
        http("GET /open311/v2/services/{serviceCode}", "/open311/v2/services/noise.json", Map.of("serviceCode", "noise.json"), null, null,
                200, "");
        String form = "api_key=" + OpenKeys.DEMO_KEY + "&service_code=leak&address_id=DEMO-W1-G3-M2-B2&description=%E6%BC%8F%E6%B0%B4";
        JsonNode created = form("POST /open311/v2/requests.json", "/open311/v2/requests.json", form, 200, "");
        // Another request: an identical one within 24 h would be the first's re-send (nothing filed, nothing sent).
        form("POST /open311/v2/requests.xml", "/open311/v2/requests.xml", form.replace("%E6%BC%8F%E6%B0%B4", "%E6%B8%97%E6%B0%B4"), 200, "");
        http("GET /open311/v2/requests.json", "/open311/v2/requests.json", Map.of(), null, null, 200, "");
        http("GET /open311/v2/requests.xml", "/open311/v2/requests.xml", Map.of(), Map.of("status", "open"), null, null, 200, "");
        http("GET /open311/v2/requests/{requestId}", "/open311/v2/requests/" + caseId + ".json", Map.of("requestId", caseId + ".json"),
                null, null, 200, "");
        String token = org.linli.core.Ids.rebrand(created.path(0).path("service_request_id").asText(), "rpt");
        http("GET /open311/v2/tokens/{token}", "/open311/v2/tokens/" + token + ".json", Map.of("token", token + ".json"), null, null,
                200, "");
    }

    /** A grant, its upload, the validator on the upload's event, the photo's state. */
    /**
     * Registers (docs/registers.md): a household created and bound, read whole by its bound worker
     * (recorded), the lists, a dry-run ledger import and its job, the export. KMS calls are counted
     * by the local KMS (Kms.*): a data key is generated once per function instance and reused, an
     * unwrapped key cached, so they are "at most one".
     */
    private void registers() {
        Map<String, String> c = Map.of("code", "DEMO-W1");
        JsonNode created = http("POST /communities/{code}/households", "/communities/DEMO-W1/households", c,
                "{\"buildingCode\":\"DEMO-W1-G1-M2-B1\",\"unit\":\"1\",\"room\":\"101\",\"members\":[{\"name\":\"王五\","
                        + "\"idNumber\":\"11010519491231002X\",\"phone\":\"13900001111\"}],\"careCategories\":[\"独居/空巢老人\"]}",
                DISPATCHER, 201, "");
        String id = created.path("householdId").asText();
        Map<String, String> h = Map.of("code", "DEMO-W1", "householdId", id);
        http("POST /communities/{code}/households/{householdId}/binding", "/communities/DEMO-W1/households/" + id + "/binding", h,
                "{\"userId\":\"" + WORKER.userId() + "\"}", DISPATCHER, 200, "");
        http("GET /communities/{code}/households/{householdId}", "/communities/DEMO-W1/households/" + id, h, null, WORKER, 200, "");
        http("GET /communities/{code}/households", "/communities/DEMO-W1/households", c, null, DISPATCHER, 200, "");
        http("GET /me/households", "/me/households", Map.of(), null, WORKER, 200, "");
        JsonNode job = http("POST /communities/{code}/household-imports", "/communities/DEMO-W1/household-imports", c,
                "{\"dryRun\":true,\"csv\":\"户号,楼栋,姓名,身份证号\\n1,DEMO-W1-G1-M2-B1,王五,11010519491231002X\\n\"}", DISPATCHER, 202, "");
        String jobId = job.path("jobId").asText();
        http("GET /communities/{code}/household-imports/{jobId}", "/communities/DEMO-W1/household-imports/" + jobId,
                Map.of("code", "DEMO-W1", "jobId", jobId), null, DISPATCHER, 200, "");
        http("GET /communities/{code}/household-ledger", "/communities/DEMO-W1/household-ledger", c, null, DISPATCHER, 200, "");
        // 包联 visits: the bound worker logs one, his due list, the community's supervision list, the recompute.
        String visitedAt = OffsetDateTime.ofInstant(now(), ZoneOffset.ofHours(8)).minusMinutes(3).withNano(0).toString();
        http("POST /communities/{code}/households/{householdId}/visits", "/communities/DEMO-W1/households/" + id + "/visits", h,
                "{\"visitedAt\":\"" + visitedAt + "\",\"note\":\"身体尚好\"}", WORKER, 201, "");
        http("GET /me/visits-due", "/me/visits-due", Map.of(), null, WORKER, 200, "");
        http("GET /communities/{code}/visit-supervision", "/communities/DEMO-W1/visit-supervision", c, null, DISPATCHER, 200, "");
        http("POST /communities/{code}/visit-recompute", "/communities/DEMO-W1/visit-recompute", c, "{\"month\":\"" + month + "\"}",
                ADMIN, 200, "");
    }

    private void photos() {
        byte[] jpeg = benchJpeg();
        JsonNode grant = http("POST /uploads", "/uploads", Map.of(), "{\"purpose\":\"REPORT\",\"contentType\":\"image/jpeg\",\"size\":"
                + jpeg.length + "}", RESIDENT, 201, "");
        String key = grant.path("upload").path("fields").path("key").asText();
        // The upload goes straight into the local blob store: a form POST would announce it, and the local cloud's own
        // validator would race the measured one (PhotoEndToEndTest covers the form POST and the event).
        var blobs = cloud.s3().blobStore();
        blobs.putBlob(cloud.model().bucket("PhotoBucket").bucketName(), blobs.blobBuilder(key).payload(jpeg).contentType("image/jpeg").build());
        var record = Json.object();
        record.put("eventVersion", "2.1").put("eventSource", "aws:s3").put("eventName", "ObjectCreated:Post");
        record.putObject("s3").putObject("object").put("key", key).put("size", jpeg.length);
        var event = Json.object();
        event.putArray("Records").add(record);
        consumer("consumer PhotoValidatorFunction", "PhotoValidatorFunction", Events.sqs(cloud.queueArn("PhotoUploadsQueue"),
                "bench-" + UUID.randomUUID(), Json.write(event)), "");
        String photoKey = grant.path("photoKey").asText();
        http("GET /uploads/{photoKey}", "/uploads/" + photoKey, Map.of("photoKey", photoKey), null, RESIDENT, 200, "");
    }

    /** A 1024×768 JPEG: a phone photo's proportions, a tenth of its pixels. */
    private static byte[] benchJpeg() {
        var img = new java.awt.image.BufferedImage(1024, 768, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 1024; x++) for (int y = 0; y < 768; y++) img.setRGB(x, y, (x << 14) ^ (y << 4) ^ (x * y));
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "jpg", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The key of a photo of {@code ownerId} recorded as uploaded and checked, straight in the photo store:
     * what a write naming photos needs when the upload itself is not what is measured or tested.
     */
    public static String validatedPhoto(LocalCloud cloud, String ownerId) {
        var store = new org.linli.adapters.dynamo.photos.DynamoPhotoStore(cloud.dynamo(), cloud.tableName("PhotosTable"));
        Instant at = cloud.clock().instant();
        var p = org.linli.photos.Photo.granted(Ids.random("pho", at), ownerId, org.linli.photos.Purpose.CASE_EVIDENCE,
                org.linli.photos.ImageType.JPEG, 2048, at);
        store.insertGrant(p, null);
        store.markValidated(p.id(), 640, 480, 2048, at);
        return p.id();
    }

    /**
     * The SMS fallback (docs/sms.md): a case notification for a reporter WeChat cannot reach (the
     * hotline's pseudonymous reporter: no account, no openid) whose caller gave a mobile - delivered, then delivered again. A
     * fresh number each run, so that a long-lived cloud never reaches the phone's daily cap.
     */
    private void smsFallback() {
        var store = new org.linli.adapters.dynamo.cases.DynamoReportStore(cloud.dynamo(), cloud.tableName("CasesTable"));
        Instant now = now();
        String phone = String.format("17%09d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000_000));
        String reporter = org.linli.hotline.HotlineIntake.REPORTER;
        Report r = Report.received(Ids.random("rpt", now), reporter, new ReportDraft("other", "楼道灯不亮",
                new GeoPoint(37.8650, 113.5850, Datum.GCJ02), null, List.of(), new Contact(null, phone), false, Source.HOTLINE_12345), now);
        store.insertNew(r);
        cloud.invoke("AssignmentFunction", Events.sqs(cloud.queueArn("AssignmentQueue"), "m-" + r.id(),
                ReportReceivedMessage.encode(ReportReceived.of(r))));
        String caseId = store.find(r.id()).orElseThrow().caseId();
        String eventId = Ids.derived("evt", caseId, "bench-sms");
        var n = new org.linli.notify.Notification(Ids.derivedAt("ntf", now, eventId, reporter), reporter,
                "case.accepted", "您反映的问题已受理", caseId, "other", "ACCEPTED", eventId, now, null);
        String body = org.linli.adapters.sqs.NotificationMessage.encode(n);
        for (String name : List.of("consumer NotificationFunction sms", "consumer NotificationFunction sms again")) {
            consumer(name, "NotificationFunction", Events.sqs(cloud.queueArn("NotificationQueue"), "bench-" + UUID.randomUUID(), body), "");
        }
    }

    private void consumersAndSchedules() {
        smsFallback();
        for (String task : List.of("intake-sweep:IntakeSweepFunction", "case-sweep:CaseSweepFunction",
                "patrol-plan:PatrolPlanFunction", "retention:RetentionFunction")) {
            String[] t = task.split(":");
            schedule("schedule " + t[0], t[1], "{\"task\":\"" + t[0] + "\"}", "");
        }
        for (String step : List.of("contact", "collect", "classify", "service-day", "evaluate", "summarize")) {
            schedule("schedule cycle " + step, "CycleFunction", "{\"task\":\"cycle\",\"step\":\"" + step + "\",\"at\":\""
                    + Times.api(now()) + "\"}", "");
        }
        // Consumers, each with the last message the operations above sent to its queue (a redelivery, when the
        // local cloud's own consumer got there first: consumers are idempotent, so budgets are upper bounds).
        for (String[] q : List.of(new String[] {"CaseEventsQueue", "CaseEventsFunction"},
                new String[] {"NotificationQueue", "NotificationFunction"}, new String[] {"RatingsQueue", "RatingFunction"},
                new String[] {"DispatchQueue", "DispatchFunction"}, new String[] {"ImportQueue", "ImportWorkerFunction"})) {
            CallCounter.INSTANCE.lastSent(cloud.queueUrl(q[0])).ifPresent(body -> consumer("consumer " + q[1], q[1],
                    Events.sqs(cloud.queueArn(q[0]), "bench-" + UUID.randomUUID(), body), ""));
        }
        // A status report of a work order, as the outbox holds it, sent to the local cloud's fake 12345 platform.
        String report = new org.linli.hotline.StatusReport("evt_bench" + UUID.randomUUID() + ":ACCEPTED", "BM" + System.nanoTime(),
                "case_bench", 1, org.linli.hotline.StatusReport.Kind.ACCEPTED, "ASSIGNED", now(), null, List.of(), null, null, null).toJson();
        consumer("consumer HotlineOutboxFunction", "HotlineOutboxFunction",
                Events.sqs(cloud.queueArn("HotlineOutboxQueue"), "bench-" + UUID.randomUUID(), report), "");
    }

    // ---------------------------------------------------------------- invocation

    private JsonNode http(String routeKey, String path, Map<String, String> params, String body, Who who, int expected, String budget) {
        return http(routeKey, path, params, Map.of(), body, who, expected, budget);
    }

    private JsonNode http(String routeKey, String path, Map<String, String> params, Map<String, String> query, String body, Who who,
                          int expected, String budget) {
        return http(routeKey, path, params, query, body, who == null ? null : who.userId(), who == null ? null : who.roles(),
                who == null ? null : who.scope(), expected, budget);
    }

    private JsonNode http(String routeKey, String path, Map<String, String> params, String body, String userId, String roles,
                          String scope, int expected, String budget) {
        return http(routeKey, path, params, Map.of(), body, userId, roles, scope, expected, budget);
    }

    /** A route's call; a null route key is set-up (a second wish, its claim): invoked but not measured. */
    private JsonNode http(String routeKey, String path, Map<String, String> params, Map<String, String> query, String body, String userId,
                          String roles, String scope, int expected, String budget) {
        String key = routeKey != null ? routeKey : guessKey(path, body);
        Accounts.ensure(cloud, userId, roles, scope);
        Map<String, String> headers = body == null ? Map.of() : Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String event = Events.http(key, path, params, query, body, userId, roles, scope, headers);
        return invokeHttp(routeKey, key, event, expected, budget);
    }

    /**
     * KMS is called over HTTP, not through an SDK client the counter sees: its calls are the local
     * KMS's own counts around the invocation (nothing else calls KMS meanwhile: ledger imports here are dry runs).
     */
    private static CallCounter.Calls withKms(CallCounter.Calls calls, long generated, long decrypted) {
        if (generated == 0 && decrypted == 0) return calls;
        Map<String, Integer> m = new TreeMap<>(calls.byOperation());
        if (generated > 0) m.put("Kms.GenerateDataKey", (int) generated);
        if (decrypted > 0) m.put("Kms.Decrypt", (int) decrypted);
        return new CallCounter.Calls(m, calls.bytesByOperation());
    }

    private JsonNode form(String routeKey, String path, String body, int expected, String budget) {
        String event = Events.http(routeKey, path, Map.of(), Map.of(), body, null, null, null,
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        return invokeHttp(routeKey, routeKey, event, expected, budget);
    }

    private JsonNode invokeHttp(String routeKey, String key, String event, int expected, String budget) {
        String function = functionByRoute.get(key);
        if (function == null) throw new IllegalStateException("no function serves " + key);
        String[] answer = new String[1];
        long generated = cloud.kms().calls("GenerateDataKey");
        long decrypted = cloud.kms().calls("Decrypt");
        CallCounter.Calls calls = withKms(CallCounter.INSTANCE.count(() -> answer[0] = cloud.invoke(function, event)),
                cloud.kms().calls("GenerateDataKey") - generated, cloud.kms().calls("Decrypt") - decrypted);
        JsonNode r = Json.parse(answer[0]);
        int status = r.path("statusCode").asInt();
        if (routeKey != null) results.add(new Result(routeKey, "route", function, status, expected, budgetOf(routeKey, budget), calls, event));
        else if (status != expected) throw new IllegalStateException("set-up " + key + " answered " + answer[0]);
        String text = r.path("body").asText("");
        return text.startsWith("{") || text.startsWith("[") ? Json.parse(text) : Json.object();
    }

    private static String budgetOf(String name, String inline) {
        if (!inline.isBlank()) return inline;
        String b = BUDGETS.get(name);
        if (b == null) throw new IllegalStateException("no budget for " + name);
        return b;
    }

    /** A new resident (set-up, not measured): a first WeChat login; his user id. */
    private String newUser(String code) {
        String event = Events.http("POST /auth/wechat-login", "/auth/wechat-login", Map.of(), "{\"code\":\"" + code + "\"}",
                null, null, null);
        JsonNode r = Json.parse(cloud.invoke(functionByRoute.get("POST /auth/wechat-login"), event));
        if (r.path("statusCode").asInt() != 200) throw new IllegalStateException("set-up login answered " + r);
        return Json.parse(r.path("body").asText()).path("user").path("userId").asText();
    }

    private static String guessKey(String path, String body) {
        if (path.equals("/wishes")) return "POST /wishes";
        if (path.equals("/consultations")) return "POST /consultations";
        String tail = path.substring(path.lastIndexOf('/') + 1);
        return "POST /wishes/{wishId}/" + tail;
    }

    private void consumer(String name, String function, String event, String budget) {
        String[] answer = new String[1];
        long generated = cloud.kms().calls("GenerateDataKey");
        long decrypted = cloud.kms().calls("Decrypt");
        CallCounter.Calls calls = withKms(CallCounter.INSTANCE.count(() -> answer[0] = cloud.invoke(function, event)),
                cloud.kms().calls("GenerateDataKey") - generated, cloud.kms().calls("Decrypt") - decrypted);
        int status = Json.parse(answer[0]).path("batchItemFailures").size() == 0 ? 200 : 500;
        results.add(new Result(name, "consumer", function, status, 200, budgetOf(name, budget), calls, event));
    }

    private void schedule(String name, String function, String input, String budget) {
        String[] answer = new String[1];
        CallCounter.Calls calls = CallCounter.INSTANCE.count(() -> answer[0] = cloud.invoke(function, input));
        results.add(new Result(name, "schedule", function, answer[0] == null ? 500 : 200, 200, budgetOf(name, budget), calls, input));
    }

    /**
     * A first event for a function no operation above calls: the fallback route, the authorizer (a
     * well-formed token it refuses), or the function's first SQS or schedule event.
     */
    private Instant now() {
        return cloud.clock().instant();
    }

    public static String firstEvent(LocalCloud cloud, String function) {
        var fn = cloud.model().function(function);
        if (function.equals("ApiFallbackFunction")) {
            var e = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(Events.http("GET /nope", "/nope", Map.of(), null,
                    RESIDENT.userId(), RESIDENT.roles(), RESIDENT.scope()));
            e.put("routeKey", "$default");
            return Json.write(e);
        }
        if (fn.handlerClass().endsWith("TokenAuthorizer")) {
            var e = Json.object().put("version", "2.0").put("type", "REQUEST").put("routeKey", "GET /me").put("rawPath", "/me")
                    .put("routeArn", "arn:aws:execute-api:cn-north-1:000000000000:local/$default/GET/me");
            e.putArray("identitySource").add("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
            e.putObject("headers").put("authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
            e.putObject("requestContext").put("requestId", UUID.randomUUID().toString()).put("routeKey", "GET /me");
            return Json.write(e);
        }
        var sqs = fn.events(FunctionEvent.Sqs.class);
        if (!sqs.isEmpty()) {
            String body = function.equals("ImportWorkerFunction") ? org.linli.adapters.sqs.SqsImportQueue.encode("imp_none") : "{}";
            return Events.sqs(sqs.get(0).queueArn(), "bench-" + UUID.randomUUID(), body);
        }
        var schedules = fn.events(FunctionEvent.Schedule.class);
        if (!schedules.isEmpty()) return schedules.get(0).input().replace("<aws.scheduler.scheduled-time>", Times.api(cloud.clock().instant()));
        throw new IllegalStateException("no first event for " + function);
    }

    /** The call table: one row per operation, calls by API name. */
    public static String table(List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append("| operation | function | status | DynamoDB calls | SQS calls | other | total |\n|---|---|---:|---|---|---|---:|\n");
        for (Result r : results) {
            out.append("| ").append(r.name()).append(" | ").append(r.function()).append(" | ").append(r.status()).append(" | ")
                    .append(part(r.calls(), "DynamoDb.")).append(" | ").append(part(r.calls(), "Sqs.")).append(" | ")
                    .append(other(r.calls())).append(" | ").append(r.calls().total()).append(" |\n");
        }
        return out.toString();
    }

    private static String part(CallCounter.Calls calls, String prefix) {
        StringBuilder s = new StringBuilder();
        calls.byOperation().forEach((k, v) -> {
            if (k.startsWith(prefix)) s.append(s.length() == 0 ? "" : ", ").append(k.substring(prefix.length())).append(' ').append(v);
        });
        return s.length() == 0 ? "-" : s.toString();
    }

    private static String other(CallCounter.Calls calls) {
        StringBuilder s = new StringBuilder();
        calls.byOperation().forEach((k, v) -> {
            if (!k.startsWith("DynamoDb.") && !k.startsWith("Sqs.")) s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(v);
        });
        return s.length() == 0 ? "-" : s.toString();
    }
}
