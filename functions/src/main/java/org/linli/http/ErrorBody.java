package org.linli.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.linli.core.FieldError;
import org.linli.json.Json;

/** The API's one error format: {@code {"error":{"code","message","fields":[{"field","message"}],"requestId"}}}. */
public final class ErrorBody {
    private ErrorBody() {}

    public static ObjectNode of(String code, String message, List<FieldError> fields, String requestId,
                                Map<String, Object> details) {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        var f = error.putArray("fields");
        for (FieldError fe : fields) f.addObject().put("field", fe.field()).put("message", fe.message());
        if (requestId != null) error.put("requestId", requestId);
        if (!details.isEmpty()) error.set("details", Json.tree(details));
        return root;
    }
}
