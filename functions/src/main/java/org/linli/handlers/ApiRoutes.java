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
            "org.linli.handlers.CasesApi", List.of("GET /cases/{caseId}", "GET /me/cases",
                    "GET /dispatch/{nodeCode}/unassigned"),
            "org.linli.handlers.TerritoryApi", List.of("GET /territory/nodes/{code}", "GET /territory/nodes/{code}/buildings",
                    "GET /territory/locate", "GET /territory/versions"),
            "org.linli.handlers.TerritoryImportApi", List.of("POST /territory/imports",
                    "PUT /territory/imports/{jobId}/parts/{partId}", "POST /territory/imports/{jobId}/commit",
                    "GET /territory/imports/{jobId}"));

    private ApiRoutes() {}

    public static List<String> all() {
        List<String> all = new ArrayList<>();
        BY_HANDLER.values().forEach(all::addAll);
        return all;
    }
}
