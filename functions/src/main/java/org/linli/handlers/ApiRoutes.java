package org.linli.handlers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every HTTP route key, by the handler that serves it. The fallback uses it to tell 405 from
 * 404; tests check it against template.yaml and against each handler's own route table.
 */
public final class ApiRoutes {
    public static final Map<String, List<String>> BY_HANDLER = Map.of(
            "org.linli.handlers.AuthApi", List.of("POST /auth/wechat-login", "POST /auth/refresh", "GET /me"),
            "org.linli.handlers.ReportsApi", List.of("POST /reports", "GET /reports/{reportId}", "GET /me/reports"),
            "org.linli.handlers.CasesApi", List.of("GET /cases/{caseId}", "GET /cases/{caseId}/audit",
                    "POST /cases/{caseId}/actions/{action}", "GET /me/cases", "GET /dispatch/{nodeCode}/unassigned",
                    "GET /supervision/{nodeCode}/overdue", "GET /departments/{departmentCode}/tasks"),
            "org.linli.handlers.NotificationsApi", List.of("GET /me/notifications",
                    "POST /me/notifications/{notificationId}/read"));

    private ApiRoutes() {}

    public static List<String> all() {
        List<String> all = new ArrayList<>();
        BY_HANDLER.values().forEach(all::addAll);
        return all;
    }
}
