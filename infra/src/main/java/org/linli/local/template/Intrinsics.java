package org.linli.local.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsic functions on a (long-form) template tree. Lazy where
 * CloudFormation is: only the taken branch of {@code Fn::If} is resolved, so a reference to a
 * resource excluded by its Condition is an error only when actually used.
 */
final class Intrinsics {
    /** What {@code Ref: AWS::NoValue} evaluates to: the enclosing key or list element disappears. */
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    /** Where names are looked up: parameters, pseudo parameters, resources, conditions, mappings. */
    interface Scope {
        Object ref(String name);

        Object getAtt(String logicalId, String attribute);

        boolean condition(String name);

        Map<String, Object> mappings();
    }

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scope scope;

    Intrinsics(Scope scope) {
        this.scope = scope;
    }

    Object resolve(Object node) {
        if (node instanceof Map<?, ?> raw) {
            Map<String, Object> map = Values.map(raw);
            if (map.size() == 1) {
                String key = map.keySet().iterator().next();
                if (key.equals("Ref") || key.startsWith("Fn::")) return function(key, map.get(key));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (var e : map.entrySet()) {
                Object value = resolve(e.getValue());
                if (value != NO_VALUE) out.put(e.getKey(), value);
            }
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                Object value = resolve(item);
                if (value != NO_VALUE) out.add(value);
            }
            return out;
        }
        return node;
    }

    /** A condition expression: Fn::Equals/Not/And/Or, {Condition: name}, or a literal boolean. */
    boolean condition(Object node) {
        if (node instanceof Map<?, ?> raw && raw.size() == 1 && raw.containsKey("Condition")) {
            return scope.condition(Values.str(raw.get("Condition")));
        }
        Object value = resolve(node);
        if (value instanceof Boolean b) return b;
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new TemplateException("a condition must evaluate to true or false, not " + Values.describe(value));
    }

    private Object function(String name, Object arg) {
        return switch (name) {
            case "Ref" -> scope.ref(Values.str(resolve(arg)));
            case "Fn::GetAtt" -> getAtt(arg);
            case "Fn::Sub" -> sub(arg);
            case "Fn::Join" -> join(arg);
            case "Fn::Select" -> select(arg);
            case "Fn::Split" -> split(arg);
            case "Fn::FindInMap" -> findInMap(arg);
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(
                    Values.str(resolve(arg)).getBytes(StandardCharsets.UTF_8));
            case "Fn::If" -> ifThenElse(arg);
            case "Fn::Equals" -> equalsFn(arg);
            case "Fn::Not" -> !condition(args(name, arg, 1).get(0));
            case "Fn::And" -> andOr(name, arg, true);
            case "Fn::Or" -> andOr(name, arg, false);
            case "Fn::GetAZs" -> getAzs(arg);
            case "Fn::ToJsonString" -> toJson(resolve(arg));
            case "Fn::Length" -> Values.list(resolve(arg)).size();
            default -> throw new TemplateException(name + " is not supported by the local cloud");
        };
    }

    private Object getAtt(Object arg) {
        Object resolved = resolve(arg);
        List<Object> parts = resolved instanceof String s ? CfnYaml.splitGetAtt(s) : Values.list(resolved);
        if (parts.size() != 2) throw new TemplateException("Fn::GetAtt needs [LogicalId, Attribute], got " + parts);
        return scope.getAtt(Values.str(parts.get(0)), Values.str(parts.get(1)));
    }

    private String sub(Object arg) {
        String text;
        Map<String, Object> variables = Map.of();
        if (arg instanceof List<?> list) {
            if (list.size() != 2) throw new TemplateException("Fn::Sub with variables needs [String, {Var: Value}]");
            text = Values.str(list.get(0));
            variables = Values.map(list.get(1));
        } else {
            text = Values.str(arg);
        }
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1);
            String replacement;
            if (variable.startsWith("!")) {
                replacement = "${" + variable.substring(1) + "}";
            } else if (variables.containsKey(variable)) {
                replacement = scalar(resolve(variables.get(variable)), "Fn::Sub variable " + variable);
            } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                List<Object> parts = CfnYaml.splitGetAtt(variable);
                replacement = scalar(scope.getAtt((String) parts.get(0), (String) parts.get(1)), "${" + variable + "}");
            } else {
                replacement = scalar(scope.ref(variable.trim()), "${" + variable + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String join(Object arg) {
        List<Object> a = args("Fn::Join", arg, 2);
        String delimiter = Values.str(resolve(a.get(0)));
        List<String> parts = new ArrayList<>();
        for (Object item : Values.list(resolve(a.get(1)))) parts.add(scalar(item, "Fn::Join element"));
        return String.join(delimiter, parts);
    }

    private Object select(Object arg) {
        List<Object> a = args("Fn::Select", arg, 2);
        int index = Values.integer(resolve(a.get(0)), "Fn::Select index");
        List<Object> list = Values.list(resolve(a.get(1)));
        if (index < 0 || index >= list.size()) {
            throw new TemplateException("Fn::Select index " + index + " is out of range for a list of " + list.size());
        }
        return list.get(index);
    }

    private List<Object> split(Object arg) {
        List<Object> a = args("Fn::Split", arg, 2);
        String delimiter = Values.str(resolve(a.get(0)));
        String source = Values.str(resolve(a.get(1)));
        return new ArrayList<>(List.of(source.split(Pattern.quote(delimiter), -1)));
    }

    private Object findInMap(Object arg) {
        List<Object> a = Values.list(arg);
        if (a.size() < 3) throw new TemplateException("Fn::FindInMap needs [MapName, TopLevelKey, SecondLevelKey]");
        String mapName = Values.str(resolve(a.get(0)));
        String top = Values.str(resolve(a.get(1)));
        String second = Values.str(resolve(a.get(2)));
        Object mapping = scope.mappings().get(mapName);
        if (mapping == null) throw new TemplateException("Fn::FindInMap: no mapping named " + mapName);
        Object level = Values.map(mapping).get(top);
        Object value = level == null ? null : Values.map(level).get(second);
        if (value == null) {
            if (a.size() == 4) return resolve(Values.map(a.get(3)).get("DefaultValue"));
            throw new TemplateException("Fn::FindInMap: mapping " + mapName + " has no " + top + "." + second);
        }
        return resolve(value);
    }

    private Object ifThenElse(Object arg) {
        List<Object> a = args("Fn::If", arg, 3);
        String conditionName = Values.str(a.get(0));
        return resolve(scope.condition(conditionName) ? a.get(1) : a.get(2));
    }

    private boolean equalsFn(Object arg) {
        List<Object> a = args("Fn::Equals", arg, 2);
        return canonical(resolve(a.get(0))).equals(canonical(resolve(a.get(1))));
    }

    private boolean andOr(String name, Object arg, boolean and) {
        List<Object> conditions = Values.list(arg);
        if (conditions.size() < 2 || conditions.size() > 10) {
            throw new TemplateException(name + " takes 2 to 10 conditions, got " + conditions.size());
        }
        for (Object c : conditions) {
            boolean value = condition(c);
            if (and && !value) return false;
            if (!and && value) return true;
        }
        return and;
    }

    private List<Object> getAzs(Object arg) {
        String region = Values.str(resolve(arg));
        if (region == null || region.isEmpty()) region = Values.str(scope.ref("AWS::Region"));
        return new ArrayList<>(List.of(region + "a", region + "b"));
    }

    private static List<Object> args(String name, Object arg, int count) {
        List<Object> a = Values.list(arg);
        if (a.size() != count) throw new TemplateException(name + " takes " + count + " arguments, got " + a.size());
        return a;
    }

    /** Sub and Join only splice in scalars; CloudFormation rejects lists and maps there. */
    private static String scalar(Object value, String what) {
        if (value == NO_VALUE) throw new TemplateException(what + " cannot be AWS::NoValue");
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            throw new TemplateException(what + " must be a string, not " + Values.describe(value));
        }
        return Values.str(value);
    }

    /** Fn::Equals compares values as CloudFormation sees them: 1 and "1" are equal, so are true and "true". */
    private static Object canonical(Object value) {
        if (value instanceof Number || value instanceof Boolean) return value.toString();
        return value;
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new TemplateException("Fn::ToJsonString: " + e.getMessage(), e);
        }
    }
}
