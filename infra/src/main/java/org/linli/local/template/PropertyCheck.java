package org.linli.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses a template with anything {@link TemplateSchema} does not know: a section, a Globals
 * section, a resource type or attribute, a parameter or output field, or a property at any depth.
 * All problems are reported at once, each with its line, resource and property path.
 */
final class PropertyCheck {
    private final CfnYaml.Document document;
    private final List<String> problems = new ArrayList<>();

    private PropertyCheck(CfnYaml.Document document) {
        this.document = document;
    }

    /**
     * @param resources the resources with Globals merged in (what the local cloud will read)
     * @throws TemplateException listing every problem
     */
    static void check(CfnYaml.Document document, Map<String, RawResource> resources) {
        PropertyCheck check = new PropertyCheck(document);
        check.sections();
        resources.values().forEach(check::resource);
        if (!check.problems.isEmpty()) {
            throw new TemplateException(document.name() + ": the local cloud does not know " + check.problems.size()
                    + (check.problems.size() == 1 ? " property" : " properties") + " of this template and refuses to"
                    + " start rather than run it differently from AWS (known properties: infra/.../template/TemplateSchema.java):\n  "
                    + String.join("\n  ", check.problems));
        }
    }

    private void sections() {
        Map<String, Object> template = document.template();
        for (String key : template.keySet()) {
            if (!TemplateSchema.TOP_LEVEL.contains(key)) problem(List.of(key), key, "unknown template section '" + key + "'");
        }
        Values.map(template.get("Globals")).forEach((section, value) -> {
            String type = TemplateSchema.GLOBALS.get(section);
            if (type == null) {
                problem(List.of("Globals", section), "Globals", "Globals section '" + section + "' is not known to the local cloud"
                        + " (it knows " + String.join(", ", TemplateSchema.GLOBALS.keySet()) + ")");
            }
        });
        Values.map(template.get("Parameters")).forEach((name, def) ->
                TemplateSchema.PARAMETER.check(def, List.of(), p -> problem(concat(List.of("Parameters", name), p.path()),
                        "parameter " + name + pathSuffix(p.path()), p.message())));
        Values.map(template.get("Outputs")).forEach((name, def) ->
                TemplateSchema.OUTPUT.check(def, List.of(), p -> problem(concat(List.of("Outputs", name), p.path()),
                        "output " + name + pathSuffix(p.path()), p.message())));
        Values.map(template.get("Resources")).forEach((id, def) -> Values.map(def).keySet().forEach(attribute -> {
            if (!TemplateSchema.RESOURCE_ATTRIBUTES.contains(attribute)) {
                problem(List.of("Resources", id, attribute), id, "unknown resource attribute '" + attribute + "'");
            }
        }));
    }

    private void resource(RawResource r) {
        Shape.Obj shape = TemplateSchema.RESOURCES.get(r.type());
        String where = r.logicalId() + " (" + r.type() + ")";
        if (shape == null) {
            problem(List.of("Resources", r.logicalId(), "Type"), where, "resource type " + r.type() + " is not known to the local cloud");
            return;
        }
        shape.check(r.properties(), List.of(), p -> problem(propertyLine(r, p.path()), where + " Properties." + String.join(".", p.path())
                .replace(".[", "["), p.message()));
    }

    /** The key's own line, or that of the Globals section it was merged from. */
    private List<String> propertyLine(RawResource r, List<String> path) {
        List<String> own = concat(List.of("Resources", r.logicalId(), "Properties"), path);
        if (document.line(own) != null) return own;
        for (var section : TemplateSchema.GLOBALS.entrySet()) {
            if (section.getValue().equals(r.type())) {
                List<String> global = concat(List.of("Globals", section.getKey()), path);
                if (document.line(global) != null) return global;
            }
        }
        return own;
    }

    private void problem(List<String> path, String where, String message) {
        // The nearest enclosing key with a line: a missing key (an event without Type) has none itself.
        Integer line = null;
        for (int n = path.size(); n > 0 && line == null; n--) line = document.line(path.subList(0, n));
        problems.add((line == null ? "" : "line " + line + ": ") + where + ": " + message);
    }

    private static String pathSuffix(List<String> path) {
        return path.isEmpty() ? "" : " " + String.join(".", path);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
