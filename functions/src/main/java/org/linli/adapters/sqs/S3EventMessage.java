package org.linli.adapters.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.linli.json.Json;

/**
 * S3's event notification as SQS delivers it: {@code Records[].s3.object.key} (URL-encoded, spaces as
 * '+') and {@code size}; {@code s3:TestEvent} has no records (nothing to do).
 */
public record S3EventMessage(List<Created> objects) {
    public record Created(String key, long size) {}

    public static S3EventMessage decode(String body) {
        JsonNode root = Json.parse(body);
        List<Created> out = new ArrayList<>();
        if ("s3:TestEvent".equals(root.path("Event").asText())) return new S3EventMessage(out);
        JsonNode records = root.get("Records");
        if (records == null || !records.isArray()) throw new IllegalArgumentException("not an S3 event: no Records");
        for (JsonNode r : records) {
            if (!r.path("eventName").asText().startsWith("ObjectCreated:")) continue;
            JsonNode o = r.path("s3").path("object");
            if (!o.hasNonNull("key")) throw new IllegalArgumentException("an S3 record without s3.object.key");
            out.add(new Created(URLDecoder.decode(o.get("key").asText(), StandardCharsets.UTF_8), o.path("size").asLong(0)));
        }
        return new S3EventMessage(out);
    }
}
