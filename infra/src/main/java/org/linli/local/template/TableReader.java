package org.linli.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** AWS::DynamoDB::Table (and AWS::Serverless::SimpleTable) properties to a {@link TableDef}. */
final class TableReader {
    private TableReader() {}

    static TableDef read(String logicalId, String type, String tableName, Map<String, Object> p) {
        if (type.equals("AWS::Serverless::SimpleTable")) return simpleTable(logicalId, tableName, p);
        String billing = Values.str(p, "BillingMode", "PROVISIONED");
        TableDef.Throughput throughput = throughput(p.get("ProvisionedThroughput"), logicalId);
        if (billing.equals("PROVISIONED") && throughput == null) {
            throw new TemplateException(logicalId + ": BillingMode PROVISIONED needs ProvisionedThroughput");
        }
        List<TableDef.Attribute> attributes = new ArrayList<>();
        for (Object a : Values.list(p.get("AttributeDefinitions"))) {
            Map<String, Object> m = Values.map(a);
            attributes.add(new TableDef.Attribute(Values.str(m.get("AttributeName")), Values.str(m.get("AttributeType"))));
        }
        List<TableDef.Key> keys = keys(p.get("KeySchema"), logicalId);
        if (keys.isEmpty()) throw new TemplateException(logicalId + " has no KeySchema");
        Map<String, Object> ttlSpec = Values.map(p.get("TimeToLiveSpecification"));
        TableDef.Ttl ttl = Values.bool(ttlSpec.get("Enabled"), false)
                ? new TableDef.Ttl(Values.str(ttlSpec.get("AttributeName"))) : null;
        Map<String, Object> stream = Values.map(p.get("StreamSpecification"));
        return new TableDef(logicalId, tableName, attributes, keys,
                indexes(p.get("GlobalSecondaryIndexes"), logicalId), indexes(p.get("LocalSecondaryIndexes"), logicalId),
                billing, billing.equals("PAY_PER_REQUEST") ? null : throughput, ttl,
                Values.str(stream.get("StreamViewType")));
    }

    private static TableDef simpleTable(String logicalId, String tableName, Map<String, Object> p) {
        Map<String, Object> pk = Values.map(p.get("PrimaryKey"));
        String name = Values.str(pk, "Name", "id");
        String type = switch (Values.str(pk, "Type", "String")) {
            case "Number" -> "N";
            case "Binary" -> "B";
            default -> "S";
        };
        TableDef.Throughput throughput = throughput(p.get("ProvisionedThroughput"), logicalId);
        return new TableDef(logicalId, tableName, List.of(new TableDef.Attribute(name, type)),
                List.of(new TableDef.Key(name, "HASH")), List.of(), List.of(),
                throughput == null ? "PAY_PER_REQUEST" : "PROVISIONED", throughput, null, null);
    }

    private static List<TableDef.Index> indexes(Object value, String logicalId) {
        List<TableDef.Index> out = new ArrayList<>();
        for (Object i : Values.list(value)) {
            Map<String, Object> m = Values.map(i);
            String name = Values.str(m.get("IndexName"));
            Map<String, Object> projection = Values.map(m.get("Projection"));
            out.add(new TableDef.Index(name, keys(m.get("KeySchema"), logicalId + "." + name),
                    Values.str(projection, "ProjectionType", "ALL"), Values.strings(projection.get("NonKeyAttributes")),
                    throughput(m.get("ProvisionedThroughput"), logicalId + "." + name)));
        }
        return out;
    }

    private static List<TableDef.Key> keys(Object value, String where) {
        List<TableDef.Key> out = new ArrayList<>();
        for (Object k : Values.list(value)) {
            Map<String, Object> m = Values.map(k);
            String type = Values.str(m.get("KeyType"));
            if (!"HASH".equals(type) && !"RANGE".equals(type)) throw new TemplateException(where + ": KeyType must be HASH or RANGE");
            out.add(new TableDef.Key(Values.str(m.get("AttributeName")), type));
        }
        return out;
    }

    private static TableDef.Throughput throughput(Object value, String where) {
        if (value == null) return null;
        Map<String, Object> m = Values.map(value);
        return new TableDef.Throughput(
                Values.integer(m.get("ReadCapacityUnits"), where + ".ReadCapacityUnits"),
                Values.integer(m.get("WriteCapacityUnits"), where + ".WriteCapacityUnits"));
    }
}
