package org.linli.views;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.Function;
import org.linli.core.Page;
import org.linli.core.Times;
import org.linli.geo.GeoPoint;
import org.linli.json.Json;
import org.linli.territory.NodeRef;

/** What every feature's views share: a page with its cursor, times, node references and points. */
public final class Views {
    private Views() {}

    /** A page of items, each through {@code view}: {@code {"items": [...], "nextCursor": ...}}. */
    public static <T> ObjectNode page(Page<T> page, Function<T, ObjectNode> view) {
        ObjectNode body = Json.object();
        var items = body.putArray("items");
        for (T t : page.items()) items.add(view.apply(t));
        return withCursor(body, page.nextCursor());
    }

    public static ObjectNode withCursor(ObjectNode body, String nextCursor) {
        if (nextCursor == null) body.putNull("nextCursor");
        else body.put("nextCursor", nextCursor);
        return body;
    }

    public static void time(ObjectNode o, String field, Instant t) {
        if (t == null) o.putNull(field);
        else o.put(field, Times.api(t));
    }

    public static void node(ObjectNode o, String field, NodeRef n) {
        if (n == null) {
            o.putNull(field);
            return;
        }
        ObjectNode g = o.putObject(field);
        g.put("code", n.code());
        if (n.name() != null) g.put("name", n.name());
    }

    public static void point(ObjectNode loc, GeoPoint p) {
        if (p == null) return;
        loc.put("lat", p.lat());
        loc.put("lng", p.lng());
        loc.put("datum", p.datum().name());
    }
}
