package org.linli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.local.lambda.FunctionError;

/** Invoking functions directly, and the environment they get. */
class FunctionsIntegrationTest {
    private static LocalCloud cloud;

    @BeforeEach
    void start() {
        cloud = TestClouds.cloud();
    }

    @Test
    void theEnvironmentIsTheTemplatesPlusLambdasPlusLocalEndpoints() {
        Map<String, String> env = cloud.functionEnv("EchoFunction");
        assertEquals("test", env.get("STAGE"));
        assertEquals("from-function", env.get("SHARED"), "the function's variable wins over Globals");
        assertEquals("hello from the secret store", env.get("GREETING"));
        assertEquals(cloud.tableName("ItemsTable"), env.get("ITEMS_TABLE"));
        assertEquals(cloud.queueUrl("WorkQueue"), env.get("WORK_QUEUE_URL"));
        assertEquals(TestClouds.region(), env.get("AWS_REGION"));
        assertEquals(TestClouds.region(), env.get("AWS_DEFAULT_REGION"));
        assertEquals("local", env.get("AWS_ACCESS_KEY_ID"));
        assertEquals("local", env.get("AWS_SECRET_ACCESS_KEY"));
        assertEquals(cloud.dynamoEndpoint().toString(), env.get("LINLI_ENDPOINT_DYNAMODB"));
        assertEquals(cloud.sqsEndpoint().toString(), env.get("LINLI_ENDPOINT_SQS"));
        assertEquals(cloud.secretsEndpoint().toString(), env.get("LINLI_ENDPOINT_SECRETSMANAGER"));
        assertEquals(TestClouds.STACK + "-EchoFunction", env.get("AWS_LAMBDA_FUNCTION_NAME"));
        assertEquals("512", env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
        assertEquals("$LATEST", env.get("AWS_LAMBDA_FUNCTION_VERSION"));
        assertEquals("extra-value", env.get("EXTRA"));
        assertEquals("256", cloud.functionEnv("PlainFunction").get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), "Globals.MemorySize");
        assertThrows(IllegalArgumentException.class, () -> cloud.functionEnv("Nope"));
    }

    @Test
    void invokeTakesAndReturnsJson() {
        String event = "{\"version\":\"2.0\",\"routeKey\":\"GET /status/{code}\",\"rawPath\":\"/status/202\","
                + "\"pathParameters\":{\"code\":\"202\"},\"requestContext\":{\"http\":{\"method\":\"GET\"},\"stage\":\"$default\"}}";
        JsonNode r = Http.json(cloud.invoke("EchoFunction", event));
        assertEquals(202, r.get("statusCode").asInt());
        assertEquals("yes", r.at("/headers/X-Echo").asText());
        assertEquals("GET /status/{code}", Http.json(r.get("body").asText()).get("routeKey").asText());
    }

    @Test
    void failuresAreFunctionErrors() {
        String event = "{\"rawPath\":\"/boom\",\"requestContext\":{\"http\":{\"method\":\"GET\"}}}";
        FunctionError e = assertThrows(FunctionError.class, () -> cloud.invoke("EchoFunction", event));
        assertEquals("java.lang.IllegalStateException", e.errorType());
        assertEquals("boom on purpose", Http.json(e.toJson()).get("errorMessage").asText());
        assertEquals("EchoFunction", e.functionLogicalId());
        assertThrows(IllegalArgumentException.class, () -> cloud.invoke("NoSuchFunction", "{}"));
    }

    @Test
    void startupIsMeasured() {
        Map<String, Long> t = cloud.startupMillis();
        assertTrue(t.keySet().containsAll(java.util.Set.of("backend", "provision", "functions", "total")), t.toString());
        assertTrue(t.get("total") > 0);
    }
}
