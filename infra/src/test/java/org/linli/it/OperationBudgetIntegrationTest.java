package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.linli.local.LocalCloud;
import org.linli.local.template.FunctionEvent;
import org.linli.tools.bench.Operations;

/**
 * The call budget of every operation - each route's main action, each consumer, each schedule -
 * from the same catalogue the benchmark prints (Operations.BUDGETS); counts are deterministic, so
 * they are asserted. Also checks that the catalogue leaves no route of the template out.
 *
 * <p>On a cloud (stack) of its own: data-dependent counts and statuses (a year's grade sheet, a
 * community's members) must not depend on what other suites left in the shared one.
 */
class OperationBudgetIntegrationTest {
    @Test
    void everyOperationStaysWithinItsCallBudget() {
        try (LocalCloud cloud = LinliCloud.isolated("linli-budget", LinliCloud.CLOCK)) {
            check(cloud);
        }
    }

    private static void check(LocalCloud cloud) {
        List<Operations.Result> results = new Operations(cloud).runAll();
        var over = new TreeMap<String, List<String>>();
        for (Operations.Result r : results) {
            if (!r.violations().isEmpty()) over.put(r.name(), r.violations());
        }
        System.out.println(Operations.table(results));
        assertEquals(new TreeMap<>(), over, "operations over their call budget");

        Set<String> routes = cloud.model().routes().stream().map(FunctionEvent.HttpApi::routeKey)
                .filter(k -> !k.equals(FunctionEvent.HttpApi.DEFAULT_ROUTE)).collect(Collectors.toCollection(TreeSet::new));
        results.forEach(r -> routes.remove(r.name()));
        assertEquals(Set.of(), routes, "routes the catalogue does not measure");
        Set<String> functions = new TreeSet<>();
        cloud.model().sqsEvents().forEach(e -> functions.add(e.functionLogicalId()));
        cloud.model().schedules().forEach(e -> functions.add(e.functionLogicalId()));
        results.forEach(r -> functions.remove(r.function()));
        // Dispatch and import have benchmarks of their own; a consumer is measured on the last message the
        // operations sent to its queue, which the notification queue gets only when the case event had recipients.
        functions.removeAll(Set.of("DispatchFunction", "ImportWorkerFunction", "NotificationFunction"));
        assertEquals(Set.of(), functions, "consumers and schedules the catalogue does not measure");
    }
}
