package org.linli.handlers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every HTTP route key, by the handler that serves it. The fallback uses it to tell 405 from
 * 404; tests check it against template.yaml and against each handler's own route table.
 */
public final class ApiRoutes {
    public static final Map<String, List<String>> BY_HANDLER = Map.ofEntries(
            Map.entry("org.linli.handlers.AuthApi", List.of("POST /auth/wechat-login", "POST /auth/wechat-web-login", "POST /auth/refresh", "GET /me")),
            Map.entry("org.linli.handlers.UserAdminApi", List.of("GET /admin/users", "GET /admin/users/{userId}",
                    "POST /admin/users/{userId}/grants", "POST /admin/users/{userId}/revocations",
                    "POST /admin/users/{userId}/disable")),
            Map.entry("org.linli.handlers.PrivacyApi", List.of("POST /cases/{caseId}/contact-reveals",
                    "GET /cases/{caseId}/contact-reveals", "GET /admin/access-log", "DELETE /me", "POST /admin/users/{userId}/erasure")),
            Map.entry("org.linli.handlers.ReportsApi", List.of("POST /reports", "GET /reports/{reportId}",
                    "GET /me/reports")),
            Map.entry("org.linli.handlers.CasesApi", List.of("GET /cases", "GET /cases/{caseId}", "GET /cases/{caseId}/audit",
                    "POST /cases/{caseId}/actions/{action}", "GET /me/cases", "GET /dispatch/{nodeCode}/unassigned",
                    "GET /supervision/{nodeCode}/overdue", "GET /departments/{departmentCode}/tasks")),
            Map.entry("org.linli.handlers.NotificationsApi", List.of("GET /me/notifications",
                    "POST /me/notifications/{notificationId}/read")),
            Map.entry("org.linli.handlers.VolunteersApi", List.of("POST /volunteers", "GET /me/volunteer",
                    "GET /communities/{code}/volunteers", "POST /volunteers/{memberId}/decision",
                    "POST /volunteers/{memberId}/appraisals", "GET /me/points", "POST /service-logs",
                    "GET /me/service-logs", "GET /me/received-services", "GET /service-logs/{logId}",
                    "POST /service-logs/{logId}/verification", "POST /service-logs/{logId}/rating",
                    "GET /communities/{code}/service-logs")),
            Map.entry("org.linli.handlers.WishesApi", List.of("POST /wishes", "GET /wishes/{wishId}",
                    "GET /me/wishes", "GET /me/claims", "GET /communities/{code}/wishes",
                    "POST /wishes/{wishId}/review", "POST /wishes/{wishId}/claim",
                    "POST /wishes/{wishId}/completion", "POST /wishes/{wishId}/confirmation",
                    "POST /wishes/{wishId}/release", "POST /wishes/{wishId}/reassign", "GET /communities/{code}/feed")),
            Map.entry("org.linli.handlers.GradingApi", List.of("POST /communities/{code}/assessments",
                    "POST /communities/{code}/grades/{year}", "GET /communities/{code}/grades/{year}",
                    "POST /communities/{code}/grades/{year}/adjustments",
                    "POST /communities/{code}/grades/{year}/publish", "GET /communities/{code}/leaderboard",
                    "GET /communities/{code}/stars/{month}")),
            Map.entry("org.linli.handlers.TerritoryApi", List.of("GET /territory/nodes/{code}",
                    "GET /territory/nodes/{code}/buildings", "GET /territory/locate", "GET /territory/versions",
                    "GET /territory/departments")),
            Map.entry("org.linli.handlers.TerritoryImportApi", List.of("POST /territory/imports",
                    "PUT /territory/imports/{jobId}/parts/{partId}", "POST /territory/imports/{jobId}/commit",
                    "GET /territory/imports/{jobId}")),
            Map.entry("org.linli.handlers.KpisApi", List.of("GET /kpis/{unit}", "GET /kpis/{unit}/ranking",
                    "GET /kpis/{unit}/months", "POST /kpis/recompute")),
            Map.entry("org.linli.handlers.PatrolsApi", List.of("POST /patrols", "GET /patrols/{patrolId}", "GET /me/patrols")),
            Map.entry("org.linli.handlers.Open311Api", List.of("GET /open311/discovery.json", "GET /open311/discovery.xml", "GET /open311/v2/services.json",
                    "GET /open311/v2/services.xml", "GET /open311/v2/services/{serviceCode}", "POST /open311/v2/requests.json",
                    "POST /open311/v2/requests.xml", "GET /open311/v2/requests.json", "GET /open311/v2/requests.xml",
                    "GET /open311/v2/requests/{requestId}", "GET /open311/v2/tokens/{token}")),
            Map.entry("org.linli.handlers.HotlineApi", List.of("POST /hotline/orders")),
            Map.entry("org.linli.handlers.PhotosApi", List.of("POST /uploads", "GET /uploads/{photoKey}")),
            Map.entry("org.linli.handlers.OrganisationsApi", List.of("POST /communities/{code}/organisations",
                    "GET /communities/{code}/organisations", "PUT /communities/{code}/organisations/{organisationId}",
                    "POST /communities/{code}/organisations/{organisationId}/members")),
            Map.entry("org.linli.handlers.ConsultationsApi", List.of("POST /consultations", "GET /consultations/{consultationId}",
                    "POST /consultations/{consultationId}/notices", "POST /consultations/{consultationId}/attendance",
                    "POST /consultations/{consultationId}/decision", "POST /consultations/{consultationId}/cancellation",
                    "GET /communities/{code}/consultations", "GET /communities/{code}/decisions")),
            Map.entry("org.linli.handlers.RegistersApi", List.of("GET /communities/{code}/households",
                    "POST /communities/{code}/households", "GET /communities/{code}/households/{householdId}",
                    "POST /communities/{code}/households/{householdId}/binding", "GET /me/households",
                    "POST /communities/{code}/household-imports", "GET /communities/{code}/household-imports/{jobId}",
                    "GET /communities/{code}/household-ledger", "POST /communities/{code}/households/{householdId}/visits",
                    "GET /me/visits-due", "GET /communities/{code}/visit-supervision", "POST /communities/{code}/visit-recompute")),
            Map.entry("org.linli.handlers.SummariesApi", List.of("GET /communities/{code}/summaries",
                    "GET /communities/{code}/summaries/{month}")));

    private ApiRoutes() {}

    public static List<String> all() {
        List<String> all = new ArrayList<>();
        BY_HANDLER.values().forEach(all::addAll);
        return all;
    }
}
