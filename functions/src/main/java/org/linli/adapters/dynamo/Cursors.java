package org.linli.adapters.dynamo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.linli.core.ValidationFailed;
import org.linli.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Paging cursors: DynamoDB's LastEvaluatedKey as base64url JSON. A cursor is checked on the way
 * back in - only the expected key names, string values, and the same partition as the listing -
 * so that a forged cursor is a 400, never a DynamoDB error or a peek into another partition.
 */
public final class Cursors {
    private Cursors() {}

    public static String encode(Map<String, AttributeValue> lastKey) {
        if (lastKey == null || lastKey.isEmpty()) return null;
        ObjectNode o = Json.object();
        lastKey.forEach((k, v) -> o.put(k, v.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(o).getBytes(StandardCharsets.UTF_8));
    }

    public static Map<String, AttributeValue> decode(String cursor, Set<String> keyNames, String partitionAttr, String partitionValue) {
        if (cursor == null) return null;
        try {
            JsonNode n = Json.parse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            Map<String, AttributeValue> key = new HashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                var e = it.next();
                if (!keyNames.contains(e.getKey()) || !e.getValue().isTextual()) throw bad();
                key.put(e.getKey(), AttributeValue.fromS(e.getValue().textValue()));
            }
            if (!key.keySet().equals(keyNames)) throw bad();
            if (!partitionValue.equals(key.get(partitionAttr).s())) throw bad();
            return key;
        } catch (ValidationFailed e) {
            throw e;
        } catch (RuntimeException e) {
            throw bad();
        }
    }

    private static ValidationFailed bad() {
        return ValidationFailed.of("cursor", "is not a cursor this API issued for this listing");
    }
}
