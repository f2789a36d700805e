package org.linli.adapters.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Short constructors for attribute values, and null-tolerant readers. */
public final class Attr {
    private Attr() {}

    public static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    public static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    public static AttributeValue n(double v) {
        return AttributeValue.fromN(Double.toString(v));
    }

    public static AttributeValue bool(boolean v) {
        return AttributeValue.fromBool(v);
    }

    public static AttributeValue b(byte[] v) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(v));
    }

    public static AttributeValue strings(List<String> v) {
        List<AttributeValue> l = new ArrayList<>(v.size());
        for (String s : v) l.add(s(s));
        return AttributeValue.fromL(l);
    }

    /** Puts {@code v} unless null: DynamoDB items simply omit absent attributes. */
    public static void put(Map<String, AttributeValue> item, String name, String v) {
        if (v != null) item.put(name, s(v));
    }

    public static void put(Map<String, AttributeValue> item, String name, java.time.Instant v) {
        if (v != null) item.put(name, s(org.linli.core.Times.stored(v)));
    }

    public static java.time.Instant instant(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        return v == null ? null : org.linli.core.Times.parseStored(v);
    }

    public static <E extends Enum<E>> E enumOf(Map<String, AttributeValue> item, String name, Class<E> type) {
        String v = str(item, name);
        return v == null ? null : Enum.valueOf(type, v);
    }

    public static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    public static long num(Map<String, AttributeValue> item, String name, long fallback) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? fallback : Long.parseLong(v.n());
    }

    public static Double dbl(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? null : Double.valueOf(v.n());
    }

    public static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    public static List<String> list(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || !v.hasL()) return List.of();
        List<String> out = new ArrayList<>(v.l().size());
        for (AttributeValue e : v.l()) out.add(e.s());
        return out;
    }
}
