package org.linli.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.linli.json.Json;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SnapStart priming: before Lambda snapshots an initialised function, make one dry call on every SDK
 * client the handler built and one Jackson round trip of a representative event, so that the
 * classes, marshallers, signers and the HTTP stack they load are in the snapshot instead of being
 * loaded on the first request after a restore. Registered once per process (from AwsClients); a
 * no-op where there is no checkpoint (plain JVMs, the local cloud, tests).
 *
 * <p>The dry calls read nothing the function depends on (DescribeTable, GetQueueUrl) and may fail -
 * missing permission, no network: the code paths are loaded all the same, so failures are ignored.
 */
public final class Priming implements Resource {
    private static final Priming PROCESS = new Priming(AwsClients::built);
    private static volatile boolean registered;

    private final Supplier<List<SdkClient>> clients;
    private volatile Report last;

    /** What a priming did: dry calls attempted and failed (tolerated), and whether Jackson round-tripped. */
    public record Report(int calls, int failures, boolean json) {}

    Priming(Supplier<List<SdkClient>> clients) {
        this.clients = clients;
    }

    /** Registers the process's priming with the global CRaC context, once. */
    static void registerOnce() {
        if (registered) return;
        synchronized (Priming.class) {
            if (registered) return;
            Core.getGlobalContext().register(PROCESS);
            registered = true;
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        last = prime();
    }

    /** Nothing time- or credential-bound is cached here: container credentials refresh themselves after a restore. */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        AwsClients.afterRestore();
    }

    /** The priming itself; never throws. */
    public Report prime() {
        int calls = 0;
        int failures = 0;
        for (SdkClient c : clients.get()) {
            calls++;
            try {
                if (c instanceof DynamoDbClient d) {
                    String table = firstEnv("_TABLE").orElse("linli-priming");
                    d.describeTable(b -> b.tableName(table).overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(2))));
                } else if (c instanceof SqsClient s) {
                    String queue = firstEnv("_QUEUE_URL").map(u -> u.substring(u.lastIndexOf('/') + 1)).orElse("linli-priming");
                    s.getQueueUrl(b -> b.queueName(queue).overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(2))));
                } else {
                    calls--;
                }
            } catch (RuntimeException tolerated) {
                failures++;
            }
        }
        boolean json;
        try {
            var event = Json.parse("""
                    {"version":"2.0","routeKey":"POST /reports","rawPath":"/reports","headers":{"content-type":"application/json"},
                     "requestContext":{"requestId":"priming","http":{"method":"POST","path":"/reports"}},
                     "body":"{\\"category\\":\\"noise\\",\\"location\\":{\\"lat\\":37.8,\\"lng\\":113.5}}","isBase64Encoded":false}""");
            json = Json.parse(Json.write(Json.parse(event.path("body").asText()))).has("location");
        } catch (RuntimeException e) {
            json = false;
        }
        return new Report(calls, failures, json);
    }

    /** The last priming's report, or null when no checkpoint was taken. */
    public static Report lastReport() {
        return PROCESS.last;
    }

    private static java.util.Optional<String> firstEnv(String suffix) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, String> e : System.getenv().entrySet()) if (e.getKey().endsWith(suffix)) names.add(e.getKey());
        return names.stream().sorted().findFirst().flatMap(Env::get);
    }
}
