package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.linli.handlers.ApiFallback;
import org.linli.handlers.ApiRoutes;
import org.linli.local.TemplateLocator;
import org.linli.local.gateway.HttpGateway;
import org.linli.local.template.FunctionEvent;
import org.linli.local.template.StackContext;
import org.linli.local.template.TemplateModel;
import org.linli.local.template.TemplateReader;

/**
 * The dev login (a token for any user, no WeChat) can never be reached in a deployment: it is a
 * route of the local gateway under {@code /_local/}, in infra, which is not deployed; no route of
 * the template serves it, no class of the deployed jar knows it, and a deployed API answers such a
 * path with its $default route's 404.
 */
class DevLoginIsLocalOnlyTest {
    private static final Pattern FORBIDDEN = Pattern.compile("dev-login|/_local");

    @Test
    void noTemplateRouteServesIt() {
        TemplateModel model = new TemplateReader(StackContext.defaults(), Map.of(),
                name -> Optional.of("{\"kid\":\"k\",\"privateKey\":\"x\",\"publicKey\":\"y\",\"publicKeys\":\"z\"}")).read(TemplateLocator.find());
        int routes = 0;
        for (var f : model.functions().values()) {
            for (FunctionEvent.HttpApi e : f.events(FunctionEvent.HttpApi.class)) {
                routes++;
                assertFalse(FORBIDDEN.matcher(e.path()).find(), f.logicalId() + " serves " + e.path());
            }
        }
        assertTrue(routes > 40, "read the template's routes: " + routes);
        for (String key : ApiRoutes.all()) assertFalse(FORBIDDEN.matcher(key).find(), key);
    }

    @Test
    void everyFunctionIsBuiltFromTheFunctionsModuleOnly() throws IOException {
        String template = Files.readString(TemplateLocator.find(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^\\s*CodeUri:\\s*(\\S+)\\s*$").matcher(template);
        List<String> codeUris = new ArrayList<>();
        while (m.find()) codeUris.add(m.group(1));
        assertEquals(List.of("functions"), codeUris, "one CodeUri (Globals), the functions module: infra is never deployed");
    }

    @Test
    void noDeployedClassMentionsIt() throws Exception {
        Path where = Path.of(ApiRoutes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> offenders = new ArrayList<>();
        int classes = 0;
        if (Files.isDirectory(where)) {
            try (Stream<Path> files = Files.walk(where)) {
                for (Path p : files.filter(x -> x.toString().endsWith(".class")).toList()) {
                    classes++;
                    if (mentions(Files.readAllBytes(p))) offenders.add(where.relativize(p).toString());
                }
            }
        } else {
            try (JarFile jar = new JarFile(where.toFile())) {
                for (var e : java.util.Collections.list(jar.entries())) {
                    if (!e.getName().endsWith(".class")) continue;
                    classes++;
                    try (InputStream in = jar.getInputStream(e)) {
                        if (mentions(in.readAllBytes())) offenders.add(e.getName());
                    }
                }
            }
        }
        assertTrue(classes > 100, "read the functions module's classes at " + where + ": " + classes);
        assertEquals(List.of(), offenders);
    }

    private static boolean mentions(byte[] classFile) {
        // Constant-pool strings are modified UTF-8: ASCII literals appear as themselves.
        return FORBIDDEN.matcher(new String(classFile, StandardCharsets.ISO_8859_1)).find();
    }

    @Test
    void theGatewayKeepsItsOwnRoutesUnderLocal() throws IOException {
        TemplateModel model = new TemplateReader(StackContext.defaults(), Map.of(),
                name -> Optional.of("{\"kid\":\"k\",\"privateKey\":\"x\",\"publicKey\":\"y\",\"publicKeys\":\"z\"}")).read(TemplateLocator.find());
        try (HttpGateway gateway = new HttpGateway(0, model, null, java.time.Clock.systemUTC())) {
            assertThrows(IllegalArgumentException.class, () -> gateway.addLocalRoute("POST", "/auth/dev-login", r -> null));
        }
    }

    @Test
    void aDeployedApiAnswersThePathWithItsFallback404() {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey("$default");
        event.setRawPath("/_local/dev-login");
        event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/_local/dev-login").build())
                .withRequestId("r1").build());
        assertEquals(404, new ApiFallback().handleRequest(event, null).getStatusCode());
    }
}
