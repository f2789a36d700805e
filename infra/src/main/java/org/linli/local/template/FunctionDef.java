package org.linli.local.template;

import java.util.List;
import java.util.Map;

/**
 * One Lambda function as the local runtime needs it.
 *
 * @param handlerMethod the method after {@code ::} in Handler, or null when only a class is named
 * @param environment the resolved Environment.Variables (Globals merged, dynamic references resolved)
 */
public record FunctionDef(
        String logicalId,
        String functionName,
        String handlerClass,
        String handlerMethod,
        String runtime,
        int memoryMb,
        int timeoutSeconds,
        String alias,
        Map<String, String> environment,
        List<FunctionEvent> events) {

    public FunctionDef {
        environment = Map.copyOf(environment);
        events = List.copyOf(events);
    }

    public String handler() {
        return handlerMethod == null ? handlerClass : handlerClass + "::" + handlerMethod;
    }

    public <T extends FunctionEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
