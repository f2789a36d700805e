package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.linli.http.ApiHandler;
import org.linli.http.RouteTemplate;

/**
 * The {@code $default} route: API Gateway sends here whatever no route matched. A path that some
 * route serves with another method is a 405 (with Allow); anything else a 404. Both in the API's
 * error format, which API Gateway's own {"message":"Not Found"} is not.
 */
public final class ApiFallback implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final List<String> routes;

    public ApiFallback() {
        this(ApiRoutes.all());
    }

    public ApiFallback(List<String> routes) {
        this.routes = List.copyOf(routes);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String path = event.getRawPath() == null ? "/" : event.getRawPath();
        String method = event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                ? event.getRequestContext().getHttp().getMethod() : "GET";
        String requestId = event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
        TreeSet<String> allowed = new TreeSet<>();
        for (String key : routes) {
            int space = key.indexOf(' ');
            if (RouteTemplate.matches(key.substring(space + 1), path)) allowed.add(key.substring(0, space));
        }
        if (Open311Errors.isOpen311(path)) {
            // Under /open311/ the GeoReport v2 error format, as the Open311 routes themselves answer.
            boolean wrongMethod = !allowed.isEmpty() && !allowed.contains(method);
            return Open311Errors.response(path, wrongMethod ? 400 : 404, wrongMethod ? method + " is not allowed here; use "
                    + String.join(", ", allowed) + "." : "There is no resource at this path.", List.of(),
                    wrongMethod ? Map.of("Allow", String.join(", ", allowed)) : Map.of(), requestId);
        }
        if (!allowed.isEmpty() && !allowed.contains(method)) {
            return ApiHandler.error(405, "METHOD_NOT_ALLOWED", method + " is not allowed here; use " + String.join(", ", allowed) + ".",
                    List.of(), requestId, Map.of(), Map.of("Allow", String.join(", ", allowed)));
        }
        return ApiHandler.error(404, "NOT_FOUND", "There is no resource at this path.", List.of(), requestId, Map.of(), Map.of());
    }
}
