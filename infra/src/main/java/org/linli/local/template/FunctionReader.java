package org.linli.local.template;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** AWS::Serverless::Function / AWS::Lambda::Function properties (Globals merged) to a {@link FunctionDef}. */
final class FunctionReader {
    private FunctionReader() {}

    static FunctionDef read(String logicalId, String type, String functionName, Map<String, Object> p, Lookup lookup) {
        if ("Image".equals(Values.str(p.get("PackageType")))) {
            throw new TemplateException(logicalId + ": PackageType Image is not supported by the local cloud");
        }
        String handler = Values.str(p.get("Handler"));
        if (handler == null || handler.isBlank()) throw new TemplateException(logicalId + " has no Handler");
        int sep = handler.indexOf("::");
        String handlerClass = sep < 0 ? handler : handler.substring(0, sep);
        String handlerMethod = sep < 0 ? null : handler.substring(sep + 2);

        Map<String, String> environment = new LinkedHashMap<>();
        Values.map(Values.map(p.get("Environment")).get("Variables")).forEach((k, v) -> {
            if (v != null) environment.put(k, Values.str(v));
        });
        List<FunctionEvent> events = new ArrayList<>();
        if (type.equals("AWS::Serverless::Function")) {
            Values.map(p.get("Events")).forEach((name, def) -> events.add(event(logicalId, name, Values.map(def), lookup)));
        }
        return new FunctionDef(logicalId, functionName, handlerClass, handlerMethod,
                Values.str(p, "Runtime", "java21"),
                Values.integer(p, "MemorySize", 128, logicalId),
                Values.integer(p, "Timeout", 3, logicalId),
                Values.str(p.get("AutoPublishAlias")),
                environment, events);
    }

    private static FunctionEvent event(String fn, String name, Map<String, Object> def, Lookup lookup) {
        String type = Values.str(def.get("Type"));
        Map<String, Object> p = Values.map(def.get("Properties"));
        String where = fn + ".Events." + name;
        return switch (type == null ? "" : type) {
            case "HttpApi" -> httpApi(fn, name, p, lookup);
            case "SQS" -> sqs(fn, name, p, lookup, where);
            case "Schedule" -> schedule(fn, name, p, lookup, where, FunctionEvent.Schedule.Kind.SCHEDULE);
            case "ScheduleV2" -> schedule(fn, name, p, lookup, where, FunctionEvent.Schedule.Kind.SCHEDULE_V2);
            // PropertyCheck refused any other type before the template was read.
            default -> throw new TemplateException(where + ": event Type " + type + " is not emulated by the local cloud");
        };
    }

    private static FunctionEvent.HttpApi httpApi(String fn, String name, Map<String, Object> p, Lookup lookup) {
        String apiId = Values.str(p.get("ApiId"));
        String api = apiId == null ? TemplateReader.IMPLICIT_HTTP_API : lookup.apiById().get(apiId);
        if (api == null) throw new TemplateException(fn + ".Events." + name + ": ApiId " + apiId + " is not an HttpApi of this template");
        String path = Values.str(p, "Path", FunctionEvent.HttpApi.DEFAULT_ROUTE);
        String method = Values.str(p, "Method", "ANY").toUpperCase(Locale.ROOT);
        if (method.equals("X-AMAZON-APIGATEWAY-ANY-METHOD")) method = "ANY";
        String authorizer = Values.str(Values.map(p.get("Auth")).get("Authorizer"));
        return new FunctionEvent.HttpApi(name, fn, api, path, method, authorizer,
                Values.str(p, "PayloadFormatVersion", "2.0"));
    }

    private static FunctionEvent.Sqs sqs(String fn, String name, Map<String, Object> p, Lookup lookup, String where) {
        String arn = Values.str(p.get("Queue"));
        if (arn == null) throw new TemplateException(where + " has no Queue");
        Map<String, Object> scaling = Values.map(p.get("ScalingConfig"));
        return new FunctionEvent.Sqs(name, fn, lookup.queueForArn(arn), arn,
                Values.integer(p, "BatchSize", 10, where),
                Values.integer(p, "MaximumBatchingWindowInSeconds", 0, where),
                Values.strings(p.get("FunctionResponseTypes")),
                Values.integer(scaling.get("MaximumConcurrency"), where + ".ScalingConfig.MaximumConcurrency"),
                Values.bool(p.get("Enabled"), true));
    }

    private static FunctionEvent.Schedule schedule(String fn, String name, Map<String, Object> p, Lookup lookup,
                                                   String where, FunctionEvent.Schedule.Kind kind) {
        boolean v2 = kind == FunctionEvent.Schedule.Kind.SCHEDULE_V2;
        String expression = Values.str(p.get(v2 ? "ScheduleExpression" : "Schedule"));
        if (expression == null) throw new TemplateException(where + " has no " + (v2 ? "ScheduleExpression" : "Schedule"));
        ZoneId zone = ZoneOffset.UTC;
        String tz = v2 ? Values.str(p.get("ScheduleExpressionTimezone")) : null;
        if (tz != null) {
            try {
                zone = ZoneId.of(tz);
            } catch (DateTimeException e) {
                throw new TemplateException(where + ": unknown ScheduleExpressionTimezone " + tz, e);
            }
        }
        String state = Values.str(p.get("State"));
        boolean enabled = Values.bool(p.get("Enabled"), true) && !"DISABLED".equalsIgnoreCase(state);
        String scheduleName = Values.str(p, "Name", fn + "-" + name);
        Map<String, Object> retry = Values.map(p.get("RetryPolicy"));
        String dlqArn = Values.str(Values.map(p.get("DeadLetterConfig")).get("Arn"));
        String dlq = lookup.queueForArn(dlqArn);
        if (dlqArn != null && dlq == null) {
            throw new TemplateException(where + ".DeadLetterConfig.Arn " + dlqArn + " is not a queue of this template");
        }
        return new FunctionEvent.Schedule(name, fn, kind, scheduleName, expression.trim(), zone,
                Values.str(p.get("Input")), enabled, Values.integer(retry, "MaximumRetryAttempts", 0, where + ".RetryPolicy"),
                dlq, dlqArn);
    }
}
