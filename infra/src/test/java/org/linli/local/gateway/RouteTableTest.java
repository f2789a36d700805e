package org.linli.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private static RouteTable<String> table(boolean withDefault) {
        RouteTable<String> t = new RouteTable<>();
        t.add("GET", "/pets", "list");
        t.add("POST", "/pets", "create");
        t.add("GET", "/pets/{id}", "get");
        t.add("ANY", "/pets/{id}", "any-pet");
        t.add("GET", "/pets/dog", "dogs");
        t.add("GET", "/pets/{id}/toys/{toy}", "toy");
        t.add("ANY", "/pets/{proxy+}", "pets-proxy");
        t.add("GET", "/{proxy+}", "root-proxy");
        t.add("GET", "/shops/{shop}/pets/mine", "shop-mine");
        t.add("GET", "/shops/mine/pets/{pet}", "mine-pet");
        if (withDefault) t.add("ANY", "$default", "default");
        return t;
    }

    private static String target(RouteTable<String> t, String method, String path) {
        return t.match(method, path).map(RouteTable.Match::target).orElse("(none)");
    }

    @Test
    void literalBeatsParameterBeatsGreedy() {
        RouteTable<String> t = table(true);
        assertEquals("dogs", target(t, "GET", "/pets/dog"));
        assertEquals("get", target(t, "GET", "/pets/cat"));
        assertEquals("toy", target(t, "GET", "/pets/1/toys/ball"));
        assertEquals("pets-proxy", target(t, "GET", "/pets/1/toys"));
        assertEquals("pets-proxy", target(t, "DELETE", "/pets/1/toys/ball"));
        assertEquals("root-proxy", target(t, "GET", "/anything/else"));
        assertEquals("mine-pet", target(t, "GET", "/shops/mine/pets/mine"), "the leftmost difference decides");
    }

    @Test
    void specificMethodBeatsAny() {
        RouteTable<String> t = table(true);
        assertEquals("get", target(t, "GET", "/pets/7"));
        assertEquals("any-pet", target(t, "DELETE", "/pets/7"));
        assertEquals("create", target(t, "POST", "/pets"));
        assertEquals("list", target(t, "GET", "/pets"));
    }

    @Test
    void defaultRouteTakesWhatNothingElseMatches() {
        RouteTable<String> t = table(true);
        assertEquals("default", target(t, "PUT", "/pets"));
        assertEquals("default", target(t, "POST", "/elsewhere"));
        var m = t.match("PUT", "/pets").orElseThrow();
        assertEquals("$default", m.route().routeKey());
        assertEquals(Map.of(), m.pathParameters());
        assertEquals("(none)", target(table(false), "PUT", "/pets"));
    }

    @Test
    void pathParametersAreDecoded() {
        RouteTable<String> t = table(false);
        var m = t.match("GET", "/pets/a%20b%2Fc+d/toys/%E7%8C%AB").orElseThrow();
        assertEquals("toy", m.target());
        assertEquals(Map.of("id", "a b/c+d", "toy", "猫"), m.pathParameters());
        assertEquals("GET /pets/{id}/toys/{toy}", m.route().routeKey());
        assertEquals(Map.of("proxy", "x/y/z"), t.match("PATCH", "/pets/x/y/z").orElseThrow().pathParameters());
    }

    @Test
    void emptySegmentsDoNotMatchParameters() {
        RouteTable<String> t = new RouteTable<>();
        t.add("GET", "/pets/{id}", "get");
        t.add("GET", "/files/{proxy+}", "files");
        assertTrue(t.match("GET", "/pets/").isEmpty());
        assertTrue(t.match("GET", "/pets").isEmpty());
        assertTrue(t.match("GET", "/files/").isEmpty());
        assertTrue(t.match("GET", "/pets/1/").isEmpty(), "a trailing slash is a different path");
    }

    @Test
    void malformedAndDuplicateRoutesAreRejected() {
        RouteTable<String> t = new RouteTable<>();
        t.add("GET", "/a", "a");
        assertThrows(IllegalArgumentException.class, () -> t.add("get", "/a", "again"));
        assertThrows(IllegalArgumentException.class, () -> t.add("GET", "no-slash", "x"));
        assertThrows(IllegalArgumentException.class, () -> t.add("GET", "/{proxy+}/more", "x"));
    }
}
