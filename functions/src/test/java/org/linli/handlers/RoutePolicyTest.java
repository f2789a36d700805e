package org.linli.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.linli.categories.Categories;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.kpi.KpiSettings;
import org.linli.volunteer.VolunteerRules;
import org.linli.wiring.VolunteerPorts;

/**
 * Every route states who may call it and on which territory (docs/security.md prints this
 * listing): no route leaves its scope unstated, and a node scope names a parameter of its path.
 */
class RoutePolicyTest {
    /** Each handler of ApiRoutes, built through its test constructor with no working dependencies. */
    static Map<String, Access> policies() throws Exception {
        Map<String, Access> all = new TreeMap<>();
        for (String handler : ApiRoutes.BY_HANDLER.keySet()) {
            Constructor<?> c = Arrays.stream(Class.forName(handler).getConstructors()).filter(k -> k.getParameterCount() > 0)
                    .min(Comparator.comparingInt(Constructor::getParameterCount)).orElseThrow();
            Object[] args = new Object[c.getParameterCount()];
            for (int i = 0; i < args.length; i++) args[i] = stand_in(c.getParameterTypes()[i]);
            all.putAll(((ApiHandler) c.newInstance(args)).policies());
        }
        return all;
    }

    private static Object stand_in(Class<?> type) {
        if (type == Clock.class) return Clock.systemUTC();
        if (type == Categories.class) return Categories.fromClasspath();
        if (type == KpiSettings.class) return KpiSettings.fromClasspath();
        if (type == boolean.class) return true;
        if (type == VolunteerPorts.class) return new VolunteerPorts(null, null, null, null, null, null, null, VolunteerRules.fromClasspath());
        return null;
    }

    @Test
    void everyRouteStatesWhoAndWhere() throws Exception {
        Map<String, Access> policies = policies();
        assertEquals(new java.util.TreeSet<>(ApiRoutes.all()), policies.keySet());
        List<String> unstated = new ArrayList<>();
        StringBuilder table = new StringBuilder("| route | who | territory |\n|---|---|---|\n");
        for (var e : policies.entrySet()) {
            Access a = e.getValue();
            if (a.authenticated() && a.scope() == Access.Scope.UNSTATED) unstated.add(e.getKey());
            if (a.scope() == Access.Scope.NODE || a.scope() == Access.Scope.COMMUNITY || a.scope() == Access.Scope.COVERED) {
                assertTrue(e.getKey().contains("{" + a.param() + "}"), e.getKey() + " scopes on {" + a.param() + "}");
            }
            String[] parts = a.describe().split("; ", 2);
            table.append("| `").append(e.getKey()).append("` | ").append(parts[0]).append(" | ").append(parts[1]).append(" |\n");
        }
        System.out.println(table);
        assertEquals(List.of(), unstated, "routes that do not state their territory scope (Access.own(), object(), node(...), ...)");
    }
}
