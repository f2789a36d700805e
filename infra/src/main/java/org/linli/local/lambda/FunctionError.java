package org.linli.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A failed invocation, carrying the error document Lambda returns for it:
 * {@code {"errorMessage","errorType","stackTrace",["cause"]}}.
 */
public final class FunctionError extends RuntimeException {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String functionLogicalId;
    private final String errorType;
    private final ObjectNode document;

    private FunctionError(String functionLogicalId, String errorType, String errorMessage, ObjectNode document, Throwable cause) {
        super(functionLogicalId + " failed: " + errorType + ": " + errorMessage, cause);
        this.functionLogicalId = functionLogicalId;
        this.errorType = errorType;
        this.document = document;
    }

    /** The handler (or its constructor, or the runtime's JSON step) threw {@code t}. */
    public static FunctionError of(String functionLogicalId, Throwable t) {
        return new FunctionError(functionLogicalId, t.getClass().getName(), String.valueOf(t.getMessage()), describe(t, 0), t);
    }

    /** An error of the runtime itself, e.g. Runtime.ImportModuleError. */
    public static FunctionError runtime(String functionLogicalId, String errorType, String message, Throwable cause) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("errorMessage", message);
        doc.put("errorType", errorType);
        doc.putArray("stackTrace");
        return new FunctionError(functionLogicalId, errorType, message, doc, cause);
    }

    private static ObjectNode describe(Throwable t, int depth) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("errorMessage", String.valueOf(t.getMessage()));
        doc.put("errorType", t.getClass().getName());
        ArrayNode trace = doc.putArray("stackTrace");
        for (StackTraceElement e : t.getStackTrace()) {
            // The handler's own frames only: stop where the (emulated) runtime called it.
            String c = e.getClassName();
            if (c.startsWith("jdk.internal.reflect.") || c.equals("java.lang.reflect.Method")
                    || c.startsWith(HandlerBinding.class.getName()) || c.startsWith(LocalFunction.class.getName())) break;
            trace.add(e.getClassName() + "." + e.getMethodName() + "(" + e.getFileName() + ":" + e.getLineNumber() + ")");
        }
        if (t.getCause() != null && t.getCause() != t && depth < 5) doc.set("cause", describe(t.getCause(), depth + 1));
        return doc;
    }

    public String functionLogicalId() {
        return functionLogicalId;
    }

    public String errorType() {
        return errorType;
    }

    public String errorMessage() {
        return document.path("errorMessage").asText();
    }

    /** The error as Lambda's Invoke API returns it. */
    public String toJson() {
        return document.toString();
    }
}
