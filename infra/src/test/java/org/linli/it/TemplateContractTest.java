package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.linli.handlers.ApiRoutes;
import org.linli.local.TemplateLocator;
import org.linli.local.template.FunctionDef;
import org.linli.local.template.FunctionEvent;
import org.linli.local.template.TemplateModel;
import org.linli.local.template.TemplateReader;
import org.linli.local.template.StackContext;
import java.util.Optional;

/**
 * template.yaml and the code agree: every Handler names a public class with a public no-arg
 * constructor and a handleRequest of the event type its events deliver; every HTTP route of the
 * template is served by its function's handler, and nothing else is.
 */
class TemplateContractTest {
    private static final TemplateModel MODEL = new TemplateReader(StackContext.defaults(), Map.of(),
            name -> Optional.of("{\"kid\":\"k\",\"privateKey\":\"x\",\"publicKey\":\"y\",\"publicKeys\":\"z\"}")).read(TemplateLocator.find());

    @Test
    void everyHandlerExistsWithTheRightSignature() throws Exception {
        assertTrue(MODEL.functions().size() >= 7);
        for (FunctionDef f : MODEL.functions().values()) {
            Class<?> type = Class.forName(f.handlerClass());
            assertTrue(Modifier.isPublic(type.getModifiers()), f.logicalId());
            assertTrue(Modifier.isPublic(type.getConstructor().getModifiers()), f.logicalId() + " needs a public no-arg constructor");
            assertEquals("handleRequest", f.handlerMethod(), f.logicalId());
            Class<?> expectedInput = expectedInput(f);
            if (expectedInput == null) {
                assertTrue(RequestStreamHandler.class.isAssignableFrom(type), f.logicalId() + " (scheduled) should stream");
                continue;
            }
            Method m = type.getMethod("handleRequest", expectedInput, Context.class);
            assertTrue(RequestHandler.class.isAssignableFrom(type), f.logicalId());
            if (expectedInput == SQSEvent.class) assertEquals(SQSBatchResponse.class, m.getReturnType(), f.logicalId());
        }
    }

    /** The event type the function's events (or its role as an authorizer) deliver; null for schedules. */
    private static Class<?> expectedInput(FunctionDef f) {
        boolean authorizer = MODEL.httpApis().values().stream()
                .anyMatch(api -> api.authorizers().values().stream().anyMatch(a -> a.functionLogicalId().equals(f.logicalId())));
        if (authorizer) return APIGatewayV2CustomAuthorizerEvent.class;
        Set<Class<?>> kinds = new HashSet<>();
        for (FunctionEvent e : f.events()) {
            if (e instanceof FunctionEvent.HttpApi) kinds.add(APIGatewayV2HTTPEvent.class);
            else if (e instanceof FunctionEvent.Sqs) kinds.add(SQSEvent.class);
            else if (e instanceof FunctionEvent.Schedule) kinds.add(Void.class);
            else fail("unexpected event kind " + e);
        }
        assertEquals(1, kinds.size(), f.logicalId() + " mixes event kinds");
        Class<?> k = kinds.iterator().next();
        return k == Void.class ? null : k;
    }

    @Test
    void templateRoutesAreExactlyTheHandlersRoutes() {
        Set<String> inTemplate = new TreeSet<>();
        Map<String, Set<String>> byHandler = new java.util.HashMap<>();
        for (FunctionDef f : MODEL.functions().values()) {
            for (FunctionEvent e : f.events()) {
                if (e instanceof FunctionEvent.HttpApi h && !h.path().equals(FunctionEvent.HttpApi.DEFAULT_ROUTE)) {
                    String key = h.routeKey();
                    inTemplate.add(key);
                    byHandler.computeIfAbsent(f.handlerClass(), k -> new TreeSet<>()).add(key);
                }
            }
        }
        assertEquals(new TreeSet<>(ApiRoutes.all()), inTemplate, "ApiRoutes must list the template's routes");
        for (var e : ApiRoutes.BY_HANDLER.entrySet()) {
            assertEquals(new TreeSet<>(e.getValue()), byHandler.get(e.getKey()), e.getKey() + " in the template");
        }
        // Each ApiHandler checks at construction that it serves exactly its ApiRoutes entry.
    }

    @Test
    void everyQueueHasADeadLetterQueueAndSixTimesItsConsumersTimeout() {
        for (FunctionDef f : MODEL.functions().values()) {
            for (FunctionEvent e : f.events()) {
                if (e instanceof FunctionEvent.Sqs s) {
                    var q = MODEL.queues().get(s.queueLogicalId());
                    assertTrue(q.redrive() != null, s.queueLogicalId() + " has a DLQ");
                    assertTrue(q.visibilityTimeout() >= 6 * f.timeoutSeconds(), s.queueLogicalId() + " visibility >= 6 x " + f.timeoutSeconds());
                    assertTrue(s.reportsBatchItemFailures(), f.logicalId());
                }
            }
        }
    }
}
