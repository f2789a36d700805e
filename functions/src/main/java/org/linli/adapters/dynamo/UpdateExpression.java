package org.linli.adapters.dynamo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Builds an UpdateItem expression clause by clause (every name and value a placeholder, so that
 * reserved words need no thought), for aggregates that several writes move with SET and ADD.
 */
public final class UpdateExpression {
    private final List<String> sets = new ArrayList<>();
    private final List<String> adds = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private String condition;
    private int next;

    public String name(String attribute) {
        String p = "#n" + next++;
        names.put(p, attribute);
        return p;
    }

    public String value(AttributeValue v) {
        String p = ":v" + next++;
        values.put(p, v);
        return p;
    }

    public UpdateExpression set(String attribute, AttributeValue v) {
        if (v != null) sets.add(name(attribute) + " = " + value(v));
        return this;
    }

    public UpdateExpression setRaw(String clause) {
        sets.add(clause);
        return this;
    }

    public UpdateExpression add(String attribute, long delta) {
        adds.add(name(attribute) + " " + value(Attr.n(delta)));
        return this;
    }

    public UpdateExpression remove(String path) {
        removes.add(path);
        return this;
    }

    /** The condition, written with placeholders obtained from {@link #name} and {@link #value}. */
    public UpdateExpression when(String expression) {
        condition = expression;
        return this;
    }

    public String expression() {
        StringBuilder s = new StringBuilder();
        if (!sets.isEmpty()) s.append("SET ").append(String.join(", ", sets));
        if (!adds.isEmpty()) s.append(s.length() == 0 ? "" : " ").append("ADD ").append(String.join(", ", adds));
        if (!removes.isEmpty()) s.append(s.length() == 0 ? "" : " ").append("REMOVE ").append(String.join(", ", removes));
        return s.toString();
    }

    public TransactWriteItem transactItem(String table, Map<String, AttributeValue> key) {
        Update.Builder u = Update.builder().tableName(table).key(key).updateExpression(expression())
                .expressionAttributeNames(names);
        if (!values.isEmpty()) u.expressionAttributeValues(values);
        if (condition != null) u.conditionExpression(condition);
        return TransactWriteItem.builder().update(u.build()).build();
    }

    public Map<String, String> names() {
        return names;
    }

    public Map<String, AttributeValue> values() {
        return values;
    }

    public String condition() {
        return condition;
    }
}
