package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.core.FieldError;
import org.linli.views.open311.Open311Views;

/** GeoReport v2's error answers (status, headers; the body is Open311Views'), for the Open311 routes and for unmatched paths under {@code /open311/}. */
final class Open311Errors {
    private Open311Errors() {}

    static boolean isOpen311(String path) {
        return path != null && path.startsWith("/open311/");
    }

    static APIGatewayV2HTTPResponse response(String path, int status, String message, List<FieldError> fields,
                                             Map<String, String> extra, String requestId) {
        int http = status == 404 || status == 403 ? status : status == 401 ? 403 : 400;
        boolean xml = Open311Views.xml(path);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", xml ? "text/xml; charset=utf-8" : "application/json; charset=utf-8");
        headers.put("Cache-Control", "no-store");
        if (requestId != null) headers.put("X-Request-Id", requestId);
        extra.forEach((k, v) -> {
            if (!k.equals("WWW-Authenticate")) headers.put(k, v);
        });
        return APIGatewayV2HTTPResponse.builder().withStatusCode(http).withHeaders(headers)
                .withBody(Open311Views.write(path, "errors", Open311Views.errors(http, message, fields))).withIsBase64Encoded(false).build();
    }
}
