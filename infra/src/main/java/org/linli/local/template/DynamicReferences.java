package org.linli.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code {{resolve:secretsmanager:...}}} dynamic references from the local secret store,
 * as CloudFormation does at deploy time. SSM references have no local store: a clear error.
 */
final class DynamicReferences {
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{resolve:([^:}]+):([^}]*)}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, Optional<String>> secrets;

    DynamicReferences(Function<String, Optional<String>> secrets) {
        this.secrets = secrets;
    }

    /** Returns {@code value} with every dynamic reference inside its strings replaced. */
    Object resolveAll(Object value, String where) {
        if (value instanceof String s) return resolve(s, where);
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            Values.map(map).forEach((k, v) -> out.put(k, resolveAll(v, where + "." + k)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) out.add(resolveAll(item, where));
            return out;
        }
        return value;
    }

    String resolve(String text, String where) {
        if (!text.contains("{{resolve:")) return text;
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String service = m.group(1);
            if (!service.equals("secretsmanager")) {
                throw new TemplateException(where + ": dynamic reference " + m.group()
                        + " is not supported locally (only {{resolve:secretsmanager:...}} is)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(secret(m.group(2), m.group(), where)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String secret(String spec, String reference, String where) {
        List<String> parts = new ArrayList<>(Arrays.asList(spec.split(":", -1)));
        // An ARN as secret id contains colons itself: arn:partition:secretsmanager:region:account:secret:name
        int idParts = spec.startsWith("arn:") ? Math.min(7, parts.size()) : 1;
        String secretId = String.join(":", parts.subList(0, idParts));
        List<String> rest = parts.subList(idParts, parts.size());
        if (!rest.isEmpty() && !rest.get(0).equals("SecretString")) {
            throw new TemplateException(where + ": " + reference + " - only SecretString can be referenced");
        }
        String jsonKey = rest.size() > 1 ? rest.get(1) : "";
        if (rest.size() > 2 && !rest.get(2).isEmpty() && !rest.get(2).equals("AWSCURRENT")) {
            throw new TemplateException(where + ": " + reference + " - the local store has only the AWSCURRENT version");
        }
        String name = secretId.startsWith("arn:") ? secretId.substring(secretId.lastIndexOf(':') + 1) : secretId;
        String secret = secrets.apply(name).orElseThrow(() -> new TemplateException(where + ": " + reference
                + " - secret '" + name + "' is not in the local secret store; put it before the template is"
                + " resolved, e.g. from LocalCustomizer.beforeProvision: setup.putSecret(\"" + name + "\", ...)"));
        if (jsonKey.isEmpty()) return secret;
        try {
            JsonNode node = JSON.readTree(secret);
            JsonNode field = node == null ? null : node.get(jsonKey);
            if (field == null || field.isNull()) {
                throw new TemplateException(where + ": " + reference + " - secret '" + name + "' has no JSON key '" + jsonKey + "'");
            }
            return field.isTextual() ? field.asText() : field.toString();
        } catch (IOException e) {
            throw new TemplateException(where + ": " + reference + " - secret '" + name + "' is not a JSON object", e);
        }
    }
}
