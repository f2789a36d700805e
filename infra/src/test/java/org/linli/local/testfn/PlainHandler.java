package org.linli.local.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A POJO (Map) handler whose result has no statusCode: API Gateway sends it as a 200 JSON body. */
public class PlainHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Map.of("plain", true, "routeKey", String.valueOf(event.get("routeKey")));
    }
}
