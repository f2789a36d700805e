package org.linli.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The form of a template value the local cloud knows: which keys a map may have, and for each
 * whether the local cloud uses it or knowingly accepts it as deploy-only (IAM, encryption, logging,
 * alarms' actions, ... - what only AWS acts on). A key it does not know is a {@link Problem}: a
 * misspelt or new setting would otherwise run one way locally and another on AWS, or not at all.
 */
abstract class Shape {
    /** How the local cloud treats a known key. */
    enum Use { USED, DEPLOY_ONLY }

    /** A key the shape does not know, or a value of the wrong form, at a path below the resource. */
    record Problem(List<String> path, String message) {}

    abstract void check(Object value, List<String> path, Consumer<Problem> problems);

    /** Anything: scalars, free maps (environment variables, tags), lists. */
    static final Shape ANY = new Shape() {
        @Override
        void check(Object value, List<String> path, Consumer<Problem> problems) {}
    };

    static Obj obj() {
        return new Obj();
    }

    static Shape listOf(Shape item) {
        return new Shape() {
            @Override
            void check(Object value, List<String> path, Consumer<Problem> problems) {
                each(value, path, problems, v -> {
                    if (!(v instanceof List<?> list)) {
                        problems.accept(new Problem(path, "expected a list"));
                        return;
                    }
                    for (int i = 0; i < list.size(); i++) item.check(list.get(i), append(path, "[" + i + "]"), problems);
                });
            }
        };
    }

    /** A map with names of the template's choosing (authorizers, events), each value of one shape. */
    static Shape mapOf(Shape value) {
        return new Shape() {
            @Override
            void check(Object v, List<String> path, Consumer<Problem> problems) {
                each(v, path, problems, m -> {
                    if (!(m instanceof Map<?, ?> map)) {
                        problems.accept(new Problem(path, "expected a map"));
                        return;
                    }
                    map.forEach((k, x) -> value.check(x, append(path, String.valueOf(k)), problems));
                });
            }
        };
    }

    /** A map whose form depends on one of its keys (an event's Type, a policy template's name). */
    static Shape byKey(String key, Map<String, Shape> shapes, String what) {
        return new Shape() {
            @Override
            void check(Object value, List<String> path, Consumer<Problem> problems) {
                each(value, path, problems, v -> {
                    Map<String, Object> map = v instanceof Map<?, ?> m ? Values.map(m) : null;
                    Object selector = map == null ? null : map.get(key);
                    Shape shape = selector instanceof String s ? shapes.get(s) : null;
                    if (shape == null) {
                        problems.accept(new Problem(append(path, key), what + " " + (selector == null ? "missing" : "'" + selector + "'")
                                + " is not emulated by the local cloud (it knows " + String.join(", ", shapes.keySet()) + ")"));
                        return;
                    }
                    shape.check(map, path, problems);
                });
            }
        };
    }

    /**
     * Calls {@code check} with the value, or with each branch of an Fn::If; other intrinsic
     * functions (Ref, Fn::GetAtt, Fn::Sub, ...) stand for values whose form only resolution knows.
     */
    static void each(Object value, List<String> path, Consumer<Problem> problems, Consumer<Object> check) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            String key = String.valueOf(map.keySet().iterator().next());
            if (key.equals("Fn::If") && map.get(key) instanceof List<?> branches && branches.size() == 3) {
                for (Object branch : branches.subList(1, 3)) {
                    if (!isNoValue(branch)) each(branch, path, problems, check);
                }
                return;
            }
            if (key.equals("Ref") || key.startsWith("Fn::")) return;
        }
        check.accept(value);
    }

    private static boolean isNoValue(Object value) {
        return value instanceof Map<?, ?> m && m.size() == 1 && "AWS::NoValue".equals(m.get("Ref"));
    }

    static List<String> append(List<String> path, String key) {
        List<String> out = new ArrayList<>(path);
        out.add(key);
        return out;
    }

    /** A map of known keys. */
    static final class Obj extends Shape {
        private record Field(Use use, Shape shape) {}

        private final Map<String, Field> fields = new LinkedHashMap<>();

        /** A key the local cloud acts on; its value may be anything. */
        Obj used(String... keys) {
            for (String k : keys) fields.put(k, new Field(Use.USED, ANY));
            return this;
        }

        /** A key the local cloud acts on, whose value has a known form. */
        Obj used(String key, Shape shape) {
            fields.put(key, new Field(Use.USED, shape));
            return this;
        }

        /** Keys only AWS acts on (IAM, encryption, logging, ...): accepted on purpose, not emulated. */
        Obj deployOnly(String... keys) {
            for (String k : keys) fields.put(k, new Field(Use.DEPLOY_ONLY, ANY));
            return this;
        }

        /** A deploy-only key whose value still has a known form (a misspelling inside it is refused too). */
        Obj deployOnly(String key, Shape shape) {
            fields.put(key, new Field(Use.DEPLOY_ONLY, shape));
            return this;
        }

        boolean knows(String key) {
            return fields.containsKey(key);
        }

        @Override
        void check(Object value, List<String> path, Consumer<Problem> problems) {
            each(value, path, problems, v -> {
                if (!(v instanceof Map<?, ?> map)) {
                    problems.accept(new Problem(path, "expected a map with " + String.join(", ", fields.keySet())));
                    return;
                }
                map.forEach((k, x) -> {
                    String key = String.valueOf(k);
                    Field f = fields.get(key);
                    if (f == null) {
                        problems.accept(new Problem(append(path, key), "unknown property '" + key + "' (known here: "
                                + String.join(", ", fields.keySet()) + ")"));
                    } else {
                        f.shape().check(x, append(path, key), problems);
                    }
                });
            });
        }
    }
}
