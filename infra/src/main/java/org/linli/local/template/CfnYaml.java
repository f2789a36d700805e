package org.linli.local.template;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Loads CloudFormation YAML. Short-form tags ({@code !Ref X}, {@code !GetAtt A.B}, ...) become
 * their long form ({@code {Ref: X}}, {@code {Fn::GetAtt: [A, B]}}), so the resolver only knows one
 * shape. Timestamps stay strings: CloudFormation has no date type.
 */
final class CfnYaml {
    private static final Map<String, String> SHORT_FORMS = Map.ofEntries(
            Map.entry("Ref", "Ref"),
            Map.entry("Condition", "Condition"),
            Map.entry("GetAtt", "Fn::GetAtt"),
            Map.entry("Sub", "Fn::Sub"),
            Map.entry("Join", "Fn::Join"),
            Map.entry("If", "Fn::If"),
            Map.entry("Equals", "Fn::Equals"),
            Map.entry("Not", "Fn::Not"),
            Map.entry("And", "Fn::And"),
            Map.entry("Or", "Fn::Or"),
            Map.entry("Select", "Fn::Select"),
            Map.entry("Split", "Fn::Split"),
            Map.entry("FindInMap", "Fn::FindInMap"),
            Map.entry("Base64", "Fn::Base64"),
            Map.entry("GetAZs", "Fn::GetAZs"),
            Map.entry("ImportValue", "Fn::ImportValue"),
            Map.entry("Cidr", "Fn::Cidr"),
            Map.entry("Transform", "Fn::Transform"),
            Map.entry("ToJsonString", "Fn::ToJsonString"),
            Map.entry("Length", "Fn::Length"));

    private CfnYaml() {}

    /**
     * A loaded template and where each of its keys stands.
     *
     * @param name the file name, for messages
     * @param lines the 1-based line of each key, by its path ({@code Resources, Fn, Properties, ...};
     *              list items as {@code [0]})
     */
    record Document(String name, Map<String, Object> template, Map<List<String>, Integer> lines) {
        /** The line of the key at {@code path}, if the template has it. */
        Integer line(List<String> path) {
            return lines.get(path);
        }
    }

    static Document load(Path path) {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8), path.getFileName().toString());
        } catch (IOException e) {
            throw new TemplateException("cannot read template " + path + ": " + e.getMessage(), e);
        }
    }

    static Document parse(String text, String name) {
        try {
            Map<String, Object> template = asTemplate(yaml().load(text), name);
            Map<List<String>, Integer> lines = new HashMap<>();
            index(yaml().compose(new StringReader(text)), new ArrayList<>(), lines);
            return new Document(name, template, lines);
        } catch (YAMLException e) {
            throw new TemplateException("template " + name + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static void index(Node node, List<String> path, Map<List<String>, Integer> lines) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) continue;
                List<String> child = new ArrayList<>(path);
                child.add(key.getValue());
                lines.put(List.copyOf(child), key.getStartMark().getLine() + 1);
                index(tuple.getValueNode(), child, lines);
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                List<String> child = new ArrayList<>(path);
                child.add("[" + i + "]");
                lines.put(List.copyOf(child), items.get(i).getStartMark().getLine() + 1);
                index(items.get(i), child, lines);
            }
        }
    }

    private static Map<String, Object> asTemplate(Object loaded, String where) {
        if (!(loaded instanceof Map<?, ?>)) throw new TemplateException("template " + where + " is not a YAML mapping");
        return Values.map(loaded);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(200);
        return new Yaml(new CfnConstructor(options));
    }

    private static final class CfnConstructor extends SafeConstructor {
        CfnConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            SHORT_FORMS.forEach((shortName, longName) ->
                    yamlConstructors.put(new Tag("!" + shortName), new IntrinsicConstruct(longName)));
        }

        private final class IntrinsicConstruct extends AbstractConstruct {
            private final String function;

            IntrinsicConstruct(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object argument;
                if (node instanceof ScalarNode scalar) {
                    argument = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    argument = new ArrayList<>(constructSequence(sequence));
                } else {
                    argument = new LinkedHashMap<>(constructMapping((MappingNode) node));
                }
                if (function.equals("Fn::GetAtt") && argument instanceof String dotted) {
                    argument = splitGetAtt(dotted);
                }
                Map<String, Object> intrinsic = new LinkedHashMap<>();
                intrinsic.put(function, argument);
                return intrinsic;
            }
        }
    }

    /** "Resource.Attribute" with the attribute possibly dotted itself (Endpoint.Address). */
    static List<Object> splitGetAtt(String dotted) {
        int dot = dotted.indexOf('.');
        if (dot <= 0 || dot == dotted.length() - 1) {
            throw new TemplateException("Fn::GetAtt '" + dotted + "' is not of the form Resource.Attribute");
        }
        return new ArrayList<>(List.of(dotted.substring(0, dot), dotted.substring(dot + 1)));
    }
}
