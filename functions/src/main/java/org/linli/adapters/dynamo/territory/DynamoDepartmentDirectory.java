package org.linli.adapters.dynamo.territory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.BatchGets;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.Queries;
import org.linli.cases.Department;
import org.linli.cases.DepartmentDirectory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The department registry in the territory table: {@code DEPT#<code>} for lookups by code, and a
 * seat {@code DEPTSEAT#<node>#<kind>} (a copy) per department at the node it serves, so that "the
 * police station serving this place" is one batch read of the place's path. The {@code DEPT#} items
 * are also listed in one {@code ByParent} partition ({@code gsi1pk = DEPTS}, sorted by code): the
 * registry for the console's picker in one Query, no scan.
 */
public final class DynamoDepartmentDirectory implements DepartmentDirectory {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDepartmentDirectory(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> byCode(String code) {
        return TerritoryKeys.department(code);
    }

    private static Map<String, AttributeValue> seat(String node, String kind) {
        return TerritoryKeys.departmentSeat(node, kind);
    }

    /** Registers (or updates) a department: its item and its seat. */
    public void save(Department d) {
        for (Map<String, AttributeValue> k : List.of(byCode(d.code()), seat(d.jurisdiction(), d.kind()))) {
            Map<String, AttributeValue> item = new HashMap<>(k);
            item.put("type", Attr.s("DEPARTMENT"));
            item.put("code", Attr.s(d.code()));
            item.put("name", Attr.s(d.name()));
            item.put("kind", Attr.s(d.kind()));
            item.put("jurisdiction", Attr.s(d.jurisdiction()));
            item.put("path", Attr.strings(d.path()));
            // The registry's listing: the DEPT# item (not its seat copy) in one ByParent partition.
            if (k.equals(byCode(d.code()))) {
                item.put(TerritoryKeys.PARENT_PK, Attr.s(TerritoryKeys.DEPARTMENTS));
                item.put(TerritoryKeys.PARENT_SK, Attr.s(d.code()));
            }
            DynamoCalls.call("PutItem department", () -> dynamo.putItem(b -> b.tableName(table).item(item)));
        }
    }

    @Override
    public Map<String, Department> find(Collection<String> codes) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String c : new LinkedHashSet<>(codes)) keys.add(byCode(c));
        Map<String, Department> out = new HashMap<>();
        if (keys.isEmpty()) return out;
        for (Map<String, AttributeValue> item : batch(keys)) {
            Department d = department(item);
            out.put(d.code(), d);
        }
        return out;
    }

    @Override
    public Optional<Department> serving(List<String> path, String kind) {
        if (path.isEmpty() || kind == null) return Optional.empty();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String node : new LinkedHashSet<>(path)) keys.add(seat(node, kind));
        Department best = null;
        for (Map<String, AttributeValue> item : batch(keys)) {
            Department d = department(item);
            if (best == null || path.indexOf(d.jurisdiction()) > path.indexOf(best.jurisdiction())) best = d;
        }
        return Optional.ofNullable(best);
    }

    @Override
    public List<Department> registry() {
        List<Department> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : Queries.all(dynamo, "ByParent departments", b -> b.tableName(table)
                .indexName(TerritoryKeys.BY_PARENT).keyConditionExpression(TerritoryKeys.PARENT_PK + " = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s(TerritoryKeys.DEPARTMENTS))))) {
            out.add(department(item));
        }
        return out;
    }

    private List<Map<String, AttributeValue>> batch(List<Map<String, AttributeValue>> keys) {
        return BatchGets.all(dynamo, Map.of(table, KeysAndAttributes.builder().keys(keys).build()), table);
    }

    private static Department department(Map<String, AttributeValue> item) {
        return new Department(Attr.str(item, "code"), Attr.str(item, "name"), Attr.str(item, "kind"),
                Attr.str(item, "jurisdiction"), Attr.list(item, "path"));
    }
}
