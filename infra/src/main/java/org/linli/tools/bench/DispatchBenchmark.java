package org.linli.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.linli.adapters.dynamo.territory.DynamoCommunities;
import org.linli.adapters.dynamo.volunteer.DynamoMemberStore;
import org.linli.core.Ids;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import org.linli.local.TemplateLocator;
import org.linli.tools.LocalSetup;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.MembershipStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Dispatch to 50,000 recipients on a fresh local cloud: seeds that many approved party members in
 * one community (besides the demo's), fires the cycle step "contact" (一月一联: every member is
 * told) and runs the dispatch function in a JVM of its own ({@link DispatchWorker}, -Xmx given
 * here) so that its heap is its own; prints wall time, AWS calls by operation, pages and the
 * function's peak heap. The notification consumer does not run: this measures the dispatch.
 *
 * <pre>infra/bench-dispatch [--recipients 50000] [--community DEMO-W1] [--heap 64m] [--timeout 300] [--page-size 500]</pre>
 */
public final class DispatchBenchmark {
    private DispatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        try {
            measure(args);
        } catch (Exception | AssertionError e) {
            // Exit non-zero even if a thread of the local cloud would keep the JVM alive: the smoke test reads the code.
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void measure(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int recipients = Integer.parseInt(o.getOrDefault("recipients", "50000"));
        String communityCode = o.getOrDefault("community", "DEMO-W1");
        String heap = o.getOrDefault("heap", "64m");
        String timeout = o.getOrDefault("timeout", "300");
        String classpath = System.getProperty("java.class.path");
        if (!classpath.contains("linli-functions") && !classpath.contains("functions" + File.separator + "target")) {
            throw new IllegalStateException("run this through infra/bench-dispatch: the worker JVM needs the project's classpath");
        }
        try (LocalCloud cloud = LocalCloud.builder().template(TemplateLocator.find()).port(0).startFunctions(false).seed(true)
                .quiet(true).customizer(new LocalSetup()).start()) {
            DynamoMemberStore members = new DynamoMemberStore(cloud.dynamo(), cloud.tableName("VolunteerTable"));
            var communities = new DynamoCommunities(cloud.dynamo(), cloud.tableName("TerritoryTable"), Clock.systemUTC());
            Community community = communities.find(communityCode).orElseThrow(() -> new IllegalArgumentException("no community " + communityCode));
            int demo = 0;
            for (Community c : communities.communitiesUnder("DEMO")) {
                demo += members.byStatus(c.code(), MembershipStatus.APPROVED, 1000, null).items().size();
            }
            int seed = Math.max(0, recipients - demo);
            long t0 = System.nanoTime();
            Instant now = Instant.now();
            List<Membership> batch = new ArrayList<>();
            for (int i = 0; i < seed; i++) {
                batch.add(new Membership(Ids.derived("usr", "bench", String.valueOf(i)), community, "党员" + i, "13700000000", List.of(),
                        null, "第一党支部", MembershipStatus.APPROVED, now, now, "usr_bench", null, 0, 0));
                if (batch.size() == 5000 || i == seed - 1) {
                    members.importAll(batch);
                    batch.clear();
                }
            }
            System.out.printf("seeded %,d approved members in %s in %.1f s (the demo has %d more in DEMO)%n", seed, communityCode,
                    (System.nanoTime() - t0) / 1e9, demo);

            Map<String, String> env = new HashMap<>(cloud.functionEnv("DispatchFunction"));
            if (o.containsKey("page-size")) env.put("DISPATCH_PAGE_SIZE", o.get("page-size"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                    DispatchWorker.class.getName(), "--step", "contact", "--at", "2027-05-01T01:00:00Z", "--timeout", timeout);
            pb.environment().putAll(env);
            pb.redirectErrorStream(true);
            long w0 = System.nanoTime();
            Process p = pb.start();
            JsonNode r = null;
            int logLines = 0;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("BENCH-RESULT ")) r = Json.parse(line.substring("BENCH-RESULT ".length()));
                    else if (line.contains("\"dispatch.")) logLines++;
                    else if (!line.isBlank() && !line.startsWith("INFO")) System.out.println("  worker: " + line);
                }
            }
            int exit = p.waitFor();
            if (r == null || exit != 0) throw new IllegalStateException("the worker failed (exit " + exit + ")");
            double workerSeconds = (System.nanoTime() - w0) / 1e9;
            long queued = Long.parseLong(cloud.sqs().getQueueAttributes(a -> a.queueUrl(cloud.queueUrl("NotificationQueue"))
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
            report(r, queued, recipients, env.get("DISPATCH_PAGE_SIZE"), env.get("DISPATCH_RESERVE_MS"), heap, timeout, workerSeconds);
        }
    }

    private static void report(JsonNode r, long queued, int recipients, String pageSize, String reserve, String heap,
                               String timeout, double workerSeconds) {
        JsonNode calls = r.path("dispatchCalls");
        long sqs = 0;
        for (Iterator<String> it = calls.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.startsWith("Sqs.")) sqs += calls.get(k).asLong();
        }
        long pages = calls.path("DynamoDb.PutItem").asLong(); // one checkpoint per page
        int invocations = r.path("invocations").asInt();
        long handOvers = invocations - r.path("plan").path("communities").asLong(); // each community starts from the plan
        long batches = calls.path("Sqs.SendMessageBatch").asLong() - handOvers; // a continuation is a batch of one
        System.out.println();
        System.out.printf("Dispatch of step 'contact' to %,d recipients (%,d notifications queued)%n", recipients, queued);
        System.out.printf("  page size %s, function timeout %s s, reserve %s ms, worker -Xmx%s%n", pageSize, timeout, reserve, heap);
        System.out.printf("  planner:   %s cycle(s), %d communities; calls %s%n", r.path("plan").path("cycles").size(),
                r.path("plan").path("communities").asInt(), r.path("plannerCalls"));
        System.out.printf("  dispatch:  %d invocation(s) (%d hand-overs), wall %.1f s, busy %.1f s, longest invocation %.1f s%n",
                invocations, handOvers, r.path("wallMillis").asLong() / 1000.0, r.path("busyMillis").asLong() / 1000.0,
                r.path("longestInvocationMillis").asLong() / 1000.0);
        System.out.printf("  pages:     %d (one checkpoint write each)%n", pages);
        System.out.printf("  SQS calls: %d = %d SendMessageBatch of notifications + %d continuations; goal <= recipients/10 + pages = %d%n",
                sqs, batches, handOvers, recipients / 10 + pages);
        System.out.printf("  all calls: %s%n", calls);
        System.out.printf("  heap:      peak %.1f MB used (sampled every 5 ms, garbage included), peak %.1f MB live after a GC;%n"
                        + "             baseline %.1f MB after start-up; max %.0f MB; %d GCs, %d ms%n",
                r.path("heapPeakBytes").asLong() / 1048576.0, r.path("heapLiveAfterGcPeakBytes").asLong() / 1048576.0,
                r.path("heapBaselineBytes").asLong() / 1048576.0, r.path("heapMaxBytes").asLong() / 1048576.0,
                r.path("gcCollections").asLong(), r.path("gcMillis").asLong());
        System.out.printf("  worker JVM: %.1f s including its start-up%n", workerSeconds);
        System.out.println("RESULT " + Json.write(r));
    }

    /** {@code --name value} pairs. */
    static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --option value, got " + args[i]);
            out.put(args[i].substring(2), args[i + 1]);
        }
        return out;
    }
}
