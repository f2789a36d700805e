package org.linli.tools.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One cold start, in a JVM of its own started by {@link PerfBenchmark} with the function's
 * environment and a class path of the function package (its classes and lib/ jars, as Lambda loads
 * them), the Lambda event serialization library (the runtime's part) and this runner alone:
 *
 * <ul>
 *   <li>{@code function HANDLER EVENT}: the handler's no-arg constructor (init), then its first event
 *       (first invoke: the event read as the Java runtime does, handled, the answer written);</li>
 *   <li>{@code sdk HANDLER EVENT CLIENTS OP TARGET KEYS}: the bare-SDK baseline - builds the same SDK
 *       clients as AwsClients (same HTTP client, timeouts, region, credentials) in init, and makes the
 *       same first call in the invoke, with the same event read and answer written;</li>
 *   <li>{@code hello}: a hello-world stream handler, the floor of the JVM and the runtime.</li>
 * </ul>
 * Init counts from the moment the parent started the process ({@code BENCH_LAUNCH_MS}). Prints one
 * line {@code COLD-RESULT {json}}; touches no Jackson or SDK class before the measured part ends.
 */
public final class ColdStartRunner {
    private ColdStartRunner() {}

    public static void main(String[] args) throws Throwable {
        long launch = Long.parseLong(System.getenv("BENCH_LAUNCH_MS"));
        String mode = args[0];
        String status;
        long initEnd;
        long invokeNanos;
        if (mode.equals("hello")) {
            RequestStreamHandler hello = (in, out, ctx) -> out.write("\"hello\"".getBytes(StandardCharsets.UTF_8));
            initEnd = System.currentTimeMillis();
            long t0 = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            hello.handleRequest(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), out, null);
            invokeNanos = System.nanoTime() - t0;
            status = out.toString(StandardCharsets.UTF_8);
        } else {
            Class<?> handlerClass = Class.forName(args[1]);
            byte[] event = Files.readAllBytes(Path.of(args[2]));
            Invocation call;
            if (mode.equals("function")) {
                Object handler = handlerClass.getDeclaredConstructor().newInstance();
                call = Invocation.of(handler, handlerClass);
            } else {
                BareSdk sdk = new BareSdk(List.of(args[3].split(",")), args[4], args[5], args[6]);
                call = Invocation.of((RequestStreamHandler) (in, out, ctx) -> sdk.firstCall(), handlerClass);
            }
            initEnd = System.currentTimeMillis();
            long t0 = System.nanoTime();
            status = call.invoke(event);
            invokeNanos = System.nanoTime() - t0;
        }
        StringBuilder calls = new StringBuilder();
        synchronized (FirstCall.CALLS) {
            for (String[] c : FirstCall.CALLS) {
                calls.append(calls.length() == 0 ? "" : ",").append("[\"").append(c[0]).append("\",\"").append(c[1]).append("\"]");
            }
        }
        System.out.println("COLD-RESULT {\"initMs\":" + (initEnd - launch) + ",\"invokeMs\":" + invokeNanos / 1e6
                + ",\"clients\":\"" + String.join(",", builtClients()) + "\",\"calls\":[" + calls + "],\"answer\":\""
                + status.replaceAll("[\"\\\\\\p{Cntrl}]", " ").substring(0, Math.min(120, status.length())) + "\"}");
        System.exit(0);
    }

    /** Which of AwsClients' clients the function built (read after the measured part). */
    private static List<String> builtClients() {
        List<String> out = new ArrayList<>();
        try {
            Class<?> c = Class.forName("org.linli.config.AwsClients");
            for (String f : new String[] {"dynamo", "sqs", "secrets"}) {
                var field = c.getDeclaredField(f);
                field.setAccessible(true);
                if (field.get(null) != null) out.add(f);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return out;
        }
        return out;
    }

    /** The handler's first event read and its answer written the way the Java runtime does. */
    private record Invocation(Object handler, Method method, PojoSerializer<Object> in, PojoSerializer<Object> out) {
        static Invocation of(Object handler, Class<?> declared) throws NoSuchMethodException {
            if (RequestStreamHandler.class.isAssignableFrom(declared)) return new Invocation(handler, null, null, null);
            Method m = null;
            for (Method candidate : declared.getMethods()) {
                if (candidate.getName().equals("handleRequest") && candidate.getParameterCount() == 2 && !candidate.isBridge()) m = candidate;
            }
            if (m == null) throw new NoSuchMethodException(declared + ".handleRequest");
            return new Invocation(handler, m, serializer(m.getGenericParameterTypes()[0]), serializer(m.getGenericReturnType()));
        }

        /** An empty answer of the function's type (the response events and maps all have a no-arg constructor). */
        private static Object emptyAnswer(Class<?> type) throws ReflectiveOperationException {
            if (type.isInterface()) return new java.util.HashMap<>();
            return type.getDeclaredConstructor().newInstance();
        }

        @SuppressWarnings("unchecked")
        private static PojoSerializer<Object> serializer(Type type) {
            if (type instanceof Class<?> c && LambdaEventSerializers.isLambdaSupportedEvent(c.getName())) {
                return LambdaEventSerializers.serializerFor((Class<Object>) c, ColdStartRunner.class.getClassLoader());
            }
            return JacksonFactory.getInstance().getSerializer(type);
        }

        String invoke(byte[] event) throws Exception {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            if (handler instanceof RequestStreamHandler s) {
                if (in != null) in.fromJson(new ByteArrayInputStream(event)); // the baseline reads the function's event type too
                s.handleRequest(new ByteArrayInputStream(event), answer, (Context) null);
                if (out != null) out.toJson(emptyAnswer(method.getReturnType()), new ByteArrayOutputStream()); // and writes its answer type

            } else {
                Object input = in.fromJson(new ByteArrayInputStream(event));
                out.toJson(method.invoke(handler, input, null), answer);
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /** The baseline: AwsClients' client configuration written out with the SDK alone, and one call. */
    static final class BareSdk {
        private final DynamoDbClient dynamo;
        private final SqsClient sqs;
        private final SecretsManagerClient secrets;
        private final String op;
        private final String target;
        private final String keys;

        BareSdk(List<String> clients, String op, String target, String keys) {
            SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                    .socketTimeout(Duration.ofSeconds(5)).build();
            Region region = Region.of(System.getenv("AWS_REGION"));
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(System.getenv("AWS_ACCESS_KEY_ID"),
                    System.getenv("AWS_SECRET_ACCESS_KEY")));
            ClientOverrideConfiguration overrides = ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(10))
                    .apiCallAttemptTimeout(Duration.ofSeconds(3)).build();
            dynamo = clients.contains("dynamo") ? DynamoDbClient.builder().httpClient(http).region(region).credentialsProvider(credentials)
                    .overrideConfiguration(overrides).endpointOverride(URI.create(System.getenv("LINLI_ENDPOINT_DYNAMODB"))).build() : null;
            sqs = clients.contains("sqs") ? SqsClient.builder().httpClient(http).region(region).credentialsProvider(credentials)
                    .overrideConfiguration(overrides).endpointOverride(URI.create(System.getenv("LINLI_ENDPOINT_SQS"))).build() : null;
            secrets = clients.contains("secrets") ? SecretsManagerClient.builder().httpClient(http).region(region)
                    .credentialsProvider(credentials).overrideConfiguration(overrides)
                    .endpointOverride(URI.create(System.getenv("LINLI_ENDPOINT_SECRETSMANAGER"))).build() : null;
            this.op = op;
            this.target = target;
            this.keys = keys;
        }

        /** The function's first call, made minimal: same operation, same table or queue, a key of its own. */
        void firstCall() {
            Map<String, AttributeValue> key = new java.util.HashMap<>();
            String pk = null;
            for (String k : keys.split(",")) {
                if (!k.contains(":")) continue;
                String[] nt = k.split(":");
                if (pk == null) pk = nt[0];
                key.put(nt[0], nt[1].equals("N") ? AttributeValue.fromN("0") : AttributeValue.fromS("BENCH#COLD"));
            }
            String pkName = pk;
            switch (op) {
                case "none" -> { }
                case "DynamoDb.GetItem" -> dynamo.getItem(b -> b.tableName(target).key(key));
                case "DynamoDb.BatchGetItem" -> dynamo.batchGetItem(b -> b.requestItems(Map.of(target,
                        software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(List.of(key)).build())));
                case "DynamoDb.Query" -> dynamo.query(b -> b.tableName(target).keyConditionExpression("#p = :v")
                        .expressionAttributeNames(Map.of("#p", pkName)).expressionAttributeValues(Map.of(":v", key.get(pkName))).limit(20));
                case "DynamoDb.PutItem" -> dynamo.putItem(b -> b.tableName(target).item(key));
                case "DynamoDb.UpdateItem" -> dynamo.updateItem(b -> b.tableName(target).key(key).updateExpression("SET benchAt = :t")
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("x"))));
                case "DynamoDb.TransactWriteItems" -> dynamo.transactWriteItems(b -> b.transactItems(t -> t.put(p -> p.tableName(target).item(key))));
                case "DynamoDb.BatchWriteItem" -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(target, List.of(
                        software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(p -> p.item(key)).build()))));
                case "Sqs.SendMessage", "Sqs.SendMessageBatch" -> sqs.sendMessage(b -> b.queueUrl(target).messageBody("{}"));
                case "SecretsManager.GetSecretValue" -> secrets.getSecretValue(b -> b.secretId(target));
                default -> {
                    if (op.startsWith("DynamoDb.")) dynamo.scan(b -> b.tableName(target).limit(1));
                    else throw new IllegalArgumentException("no baseline for " + op);
                }
            }
        }
    }

}
