package org.linli.local.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a SAM template into a {@link TemplateModel}, resolving it as CloudFormation would:
 * parameters (Default, overrides, AllowedValues), Conditions, Globals, intrinsic functions,
 * pseudo parameters and {@code {{resolve:secretsmanager:...}}} references.
 *
 * <p>A template with a section, resource type or property the local cloud does not know is refused
 * ({@link PropertyCheck}, {@link TemplateSchema}). Resources of deploy-only types (topics, log
 * groups, policies) are listed in {@link TemplateModel#notEmulated()}; their names can be referenced.
 */
public final class TemplateReader {
    static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";

    private final StackContext context;
    private final Map<String, String> parameterOverrides;
    private final Function<String, Optional<String>> secrets;

    /**
     * @param secrets the local secret store, for dynamic references
     */
    public TemplateReader(StackContext context, Map<String, String> parameterOverrides,
                          Function<String, Optional<String>> secrets) {
        this.context = context;
        this.parameterOverrides = Map.copyOf(parameterOverrides);
        this.secrets = secrets;
    }

    /** A reader with default context, no overrides and no secrets. */
    public static TemplateReader defaults() {
        return new TemplateReader(StackContext.defaults(), Map.of(), name -> Optional.empty());
    }

    public TemplateModel read(Path template) {
        return new Reading(CfnYaml.load(template)).model();
    }

    public TemplateModel parse(String yaml) {
        return new Reading(CfnYaml.parse(yaml, "template")).model();
    }

    /** The state of one read: the template, its parameters, condition values and names. */
    private final class Reading implements Intrinsics.Scope {
        private final Map<String, Object> template;
        private final Map<String, Object> mappings;
        private final Map<String, Object> parameters;
        private final Map<String, Object> conditionDefs;
        private final Map<String, Boolean> conditions = new LinkedHashMap<>();
        private final Set<String> evaluating = new HashSet<>();
        private final Map<String, RawResource> resources;
        private final Intrinsics intrinsics = new Intrinsics(this);
        private final DynamicReferences dynamic = new DynamicReferences(secrets);
        private final LocalIds ids = new LocalIds(context, intrinsics::resolve);

        Reading(CfnYaml.Document document) {
            this.template = document.template();
            this.mappings = Values.map(template.get("Mappings"));
            this.parameters = Parameters.resolve(Values.map(template.get("Parameters")), parameterOverrides);
            this.conditionDefs = Values.map(template.get("Conditions"));
            this.resources = Globals.apply(Values.map(template.get("Globals")), Values.map(template.get("Resources")));
            PropertyCheck.check(document, resources);
        }

        TemplateModel model() {
            conditionDefs.keySet().forEach(this::condition);
            List<String> skipped = new ArrayList<>();
            List<String> notEmulated = new ArrayList<>();
            Map<String, RawResource> included = new LinkedHashMap<>();
            for (RawResource r : resources.values()) {
                if (r.condition() != null && !condition(r.condition())) skipped.add(r.logicalId());
                else included.put(r.logicalId(), r);
            }

            Lookup lookup = lookup(included);
            Map<String, QueueDef> queues = new LinkedHashMap<>();
            Map<String, TableDef> tables = new LinkedHashMap<>();
            Map<String, HttpApiDef> apis = new LinkedHashMap<>();
            Map<String, FunctionDef> functions = new LinkedHashMap<>();
            Map<String, BucketDef> buckets = new LinkedHashMap<>();
            List<AlarmDef> alarms = new ArrayList<>();
            Map<String, KeyDef> keys = new LinkedHashMap<>();
            for (RawResource r : included.values()) {
                switch (r.type()) {
                    case "AWS::SQS::Queue" -> queues.put(r.logicalId(), QueueReader.read(r.logicalId(),
                            ids.physicalName(r), (String) ids.ref(r), (String) ids.getAtt(r, "Arn"), properties(r), lookup));
                    case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" -> tables.put(r.logicalId(),
                            TableReader.read(r.logicalId(), r.type(), ids.physicalName(r), properties(r)));
                    case "AWS::Serverless::HttpApi" -> apis.put(r.logicalId(),
                            HttpApiReader.read(r.logicalId(), ids.apiId(r.logicalId()), properties(r), lookup));
                    case "AWS::Serverless::Function", "AWS::Lambda::Function" -> functions.put(r.logicalId(),
                            FunctionReader.read(r.logicalId(), r.type(), ids.physicalName(r), properties(r), lookup));
                    case "AWS::S3::Bucket" -> buckets.put(r.logicalId(), BucketReader.read(r.logicalId(),
                            ids.physicalName(r), (String) ids.getAtt(r, "Arn"), properties(r), lookup));
                    case "AWS::CloudWatch::Alarm" -> {
                        Optional<AlarmDef> alarm = AlarmReader.read(r.logicalId(), ids.physicalName(r), properties(r), lookup);
                        if (alarm.isPresent()) alarms.add(alarm.get());
                        else notEmulated.add(r.logicalId() + " (" + r.type() + ", not on an SQS queue metric)");
                    }
                    case "AWS::KMS::Key" -> {
                        Map<String, Object> p = properties(r);
                        Object spec = p.getOrDefault("KeySpec", "SYMMETRIC_DEFAULT");
                        Object usage = p.getOrDefault("KeyUsage", "ENCRYPT_DECRYPT");
                        if (!"SYMMETRIC_DEFAULT".equals(spec) || !"ENCRYPT_DECRYPT".equals(usage)) {
                            throw new TemplateException(r.logicalId() + ": the local KMS serves SYMMETRIC_DEFAULT ENCRYPT_DECRYPT keys only");
                        }
                        keys.put(r.logicalId(), new KeyDef(r.logicalId(), (String) ids.ref(r), (String) ids.getAtt(r, "Arn"),
                                Values.bool(p.get("Enabled"), true)));
                    }
                    default -> notEmulated.add(r.logicalId() + " (" + r.type() + ")");
                }
            }
            return new TemplateModel(context, parameters, conditions, functions, apis, tables,
                    queues, buckets, alarms, notEmulated, skipped, outputs(), keys);
        }

        private Lookup lookup(Map<String, RawResource> included) {
            Map<String, String> queueByArn = new HashMap<>();
            Map<String, String> queueByName = new HashMap<>();
            Map<String, String> apiById = new HashMap<>();
            Map<String, String> functionByName = new HashMap<>();
            for (RawResource r : included.values()) {
                switch (r.type()) {
                    case "AWS::SQS::Queue" -> {
                        queueByArn.put((String) ids.getAtt(r, "Arn"), r.logicalId());
                        queueByName.put(ids.physicalName(r), r.logicalId());
                    }
                    case "AWS::Serverless::HttpApi" -> apiById.put(ids.apiId(r.logicalId()), r.logicalId());
                    case "AWS::Serverless::Function", "AWS::Lambda::Function" ->
                            functionByName.put(ids.physicalName(r), r.logicalId());
                    default -> { }
                }
            }
            return new Lookup(context, queueByArn, queueByName, apiById, functionByName);
        }

        private Map<String, Object> properties(RawResource r) {
            try {
                Object resolved = intrinsics.resolve(r.properties());
                return Values.map(dynamic.resolveAll(resolved, r.logicalId()));
            } catch (TemplateException e) {
                throw e.getMessage().startsWith(r.logicalId())
                        ? e : new TemplateException(r.logicalId() + ": " + e.getMessage(), e);
            }
        }

        private Map<String, Object> outputs() {
            Map<String, Object> out = new LinkedHashMap<>();
            Values.map(template.get("Outputs")).forEach((name, def) -> {
                Map<String, Object> output = Values.map(def);
                Object condition = output.get("Condition");
                if (condition != null && !condition(Values.str(condition))) return;
                try {
                    out.put(name, intrinsics.resolve(output.get("Value")));
                } catch (TemplateException e) {
                    out.put(name, "(not resolvable locally: " + e.getMessage() + ")");
                }
            });
            return out;
        }

        @Override
        public Object ref(String name) {
            switch (name) {
                case "AWS::Region": return context.region();
                case "AWS::AccountId": return context.accountId();
                case "AWS::StackName": return context.stackName();
                case "AWS::StackId": return context.stackId();
                case "AWS::Partition": return context.partition();
                case "AWS::URLSuffix": return context.urlSuffix();
                case "AWS::NoValue": return Intrinsics.NO_VALUE;
                case "AWS::NotificationARNs": return new ArrayList<>();
                default: break;
            }
            if (parameters.containsKey(name)) return parameters.get(name);
            RawResource r = resources.get(name);
            if (r != null) return ids.ref(included(r));
            int dot = name.lastIndexOf('.');
            if (dot > 0) {
                RawResource fn = resources.get(name.substring(0, dot));
                String suffix = name.substring(dot + 1);
                if (fn != null && fn.type().equals("AWS::Serverless::Function")
                        && (suffix.equals("Alias") || suffix.equals("Version"))) {
                    return functionQualifier(included(fn), suffix);
                }
            }
            throw new TemplateException("Ref " + name + ": no parameter, pseudo parameter or resource of that name");
        }

        private Object functionQualifier(RawResource fn, String suffix) {
            Object alias = intrinsics.resolve(fn.properties().get("AutoPublishAlias"));
            if (alias == null) {
                throw new TemplateException("Ref " + fn.logicalId() + "." + suffix + ": the function has no AutoPublishAlias");
            }
            String arn = ids.functionArn(ids.physicalName(fn));
            return suffix.equals("Alias") ? arn + ":" + Values.str(alias) : arn + ":1";
        }

        @Override
        public Object getAtt(String logicalId, String attribute) {
            RawResource r = resources.get(logicalId);
            if (r == null) throw new TemplateException("Fn::GetAtt " + logicalId + "." + attribute + ": no resource " + logicalId);
            return ids.getAtt(included(r), attribute);
        }

        private RawResource included(RawResource r) {
            if (r.condition() != null && !condition(r.condition())) {
                throw new TemplateException("resource " + r.logicalId() + " is referenced but its Condition "
                        + r.condition() + " is false");
            }
            return r;
        }

        @Override
        public boolean condition(String name) {
            Boolean known = conditions.get(name);
            if (known != null) return known;
            if (!conditionDefs.containsKey(name)) throw new TemplateException("no condition named " + name);
            if (!evaluating.add(name)) throw new TemplateException("condition " + name + " refers to itself");
            try {
                boolean value = intrinsics.condition(conditionDefs.get(name));
                conditions.put(name, value);
                return value;
            } catch (TemplateException e) {
                throw new TemplateException("condition " + name + ": " + e.getMessage(), e);
            } finally {
                evaluating.remove(name);
            }
        }

        @Override
        public Map<String, Object> mappings() {
            return mappings;
        }
    }

    /** Parameter values: override, else Default; checked against the declared constraints. */
    static final class Parameters {
        private Parameters() {}

        static Map<String, Object> resolve(Map<String, Object> declared, Map<String, String> overrides) {
            for (String name : overrides.keySet()) {
                if (!declared.containsKey(name)) {
                    throw new TemplateException("parameter override " + name + " is not a parameter of the template "
                            + declared.keySet());
                }
            }
            Map<String, Object> values = new LinkedHashMap<>();
            declared.forEach((name, def) -> values.put(name, value(name, Values.map(def), overrides.get(name))));
            return values;
        }

        private static Object value(String name, Map<String, Object> def, String override) {
            String raw = override != null ? override : Values.str(def.get("Default"));
            if (raw == null) throw new TemplateException("parameter " + name + " has no Default and no override was given");
            String type = Values.str(def, "Type", "String");
            List<String> allowed = Values.strings(def.get("AllowedValues"));
            String pattern = Values.str(def.get("AllowedPattern"));
            boolean isList = type.equals("CommaDelimitedList") || type.startsWith("List<");
            List<String> items = isList ? splitList(raw) : List.of(raw);
            for (String item : items) {
                if (!allowed.isEmpty() && !allowed.contains(item)) {
                    throw new TemplateException("parameter " + name + ": '" + item + "' is not one of the AllowedValues " + allowed);
                }
                if (pattern != null && !Pattern.compile(pattern).matcher(item).matches()) {
                    throw new TemplateException("parameter " + name + ": '" + item + "' does not match AllowedPattern " + pattern);
                }
                if (type.equals("Number")) {
                    double number = Values.number(item, "parameter " + name);
                    Double min = Values.number(def.get("MinValue"), name + ".MinValue");
                    Double max = Values.number(def.get("MaxValue"), name + ".MaxValue");
                    if (min != null && number < min) throw new TemplateException("parameter " + name + ": " + item + " is below MinValue " + def.get("MinValue"));
                    if (max != null && number > max) throw new TemplateException("parameter " + name + ": " + item + " is above MaxValue " + def.get("MaxValue"));
                }
            }
            Integer min = Values.integer(def.get("MinLength"), name + ".MinLength");
            Integer max = Values.integer(def.get("MaxLength"), name + ".MaxLength");
            if (!isList && min != null && raw.length() < min) throw new TemplateException("parameter " + name + " is shorter than MinLength " + min);
            if (!isList && max != null && raw.length() > max) throw new TemplateException("parameter " + name + " is longer than MaxLength " + max);
            return isList ? new ArrayList<Object>(items) : raw;
        }

        private static List<String> splitList(String raw) {
            List<String> out = new ArrayList<>();
            if (raw.isEmpty()) return out;
            for (String s : raw.split(",", -1)) out.add(s.trim());
            return out;
        }
    }

    /**
     * SAM Globals: merged into each resource of the matching type before anything is resolved.
     * Maps merge key-wise (so Environment.Variables combine); for anything else the resource wins.
     */
    static final class Globals {
        private Globals() {}

        static Map<String, RawResource> apply(Map<String, Object> globals, Map<String, Object> resources) {
            Map<String, RawResource> out = new LinkedHashMap<>();
            boolean needsImplicitApi = false;
            for (var e : resources.entrySet()) {
                Map<String, Object> def = Values.map(e.getValue());
                String type = Values.str(def.get("Type"));
                if (type == null) throw new TemplateException("resource " + e.getKey() + " has no Type");
                Map<String, Object> props = Values.map(def.get("Properties"));
                for (var section : TemplateSchema.GLOBALS.entrySet()) {
                    if (section.getValue().equals(type)) props = merge(Values.map(globals.get(section.getKey())), props);
                }
                if (type.equals("AWS::Serverless::Function")) needsImplicitApi |= hasImplicitApiEvent(props);
                out.put(e.getKey(), new RawResource(e.getKey(), type, Values.str(def.get("Condition")), props));
            }
            if (needsImplicitApi && !out.containsKey(IMPLICIT_HTTP_API)) {
                out.put(IMPLICIT_HTTP_API, new RawResource(IMPLICIT_HTTP_API, "AWS::Serverless::HttpApi", null,
                        merge(Values.map(globals.get("HttpApi")), Map.of())));
            }
            return out;
        }

        private static boolean hasImplicitApiEvent(Map<String, Object> props) {
            for (Object event : Values.map(props.get("Events")).values()) {
                Map<String, Object> e = Values.map(event);
                if ("HttpApi".equals(e.get("Type")) && !Values.map(e.get("Properties")).containsKey("ApiId")) return true;
            }
            return false;
        }

        static Map<String, Object> merge(Map<String, Object> global, Map<String, Object> own) {
            Map<String, Object> out = new LinkedHashMap<>(global);
            own.forEach((key, value) -> {
                Object g = out.get(key);
                if (g instanceof Map<?, ?> gm && value instanceof Map<?, ?> om && !isIntrinsic(gm) && !isIntrinsic(om)) {
                    out.put(key, merge(Values.map(gm), Values.map(om)));
                } else {
                    out.put(key, value);
                }
            });
            return out;
        }

        private static boolean isIntrinsic(Map<?, ?> map) {
            if (map.size() != 1) return false;
            String key = String.valueOf(map.keySet().iterator().next());
            return key.equals("Ref") || key.startsWith("Fn::");
        }
    }
}
