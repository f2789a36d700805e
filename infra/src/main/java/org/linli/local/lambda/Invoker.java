package org.linli.local.lambda;

/** Synchronous invocation of a function by logical id; what gateways, pollers and schedulers need. */
@FunctionalInterface
public interface Invoker {
    /** @throws FunctionError when the function fails */
    String invoke(String functionLogicalId, String eventJson);
}
