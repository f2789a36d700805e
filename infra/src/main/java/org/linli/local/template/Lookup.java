package org.linli.local.template;

import java.util.Map;

/**
 * Reverse look-ups from resolved values back to template resources: event sources, redrive
 * policies, authorizers and alarms name their targets by ARN, URL, id or name.
 */
record Lookup(StackContext context, Map<String, String> queueByArn, Map<String, String> queueByName,
              Map<String, String> apiById, Map<String, String> functionByName) {

    String queueForArn(String arn) {
        return arn == null ? null : queueByArn.get(arn);
    }

    /** The function a Lambda ARN (optionally qualified by alias or version) or plain name refers to. */
    String functionForArn(String arnOrName) {
        if (arnOrName == null) return null;
        String name = arnOrName;
        if (arnOrName.startsWith("arn:")) {
            String[] parts = arnOrName.split(":");
            if (parts.length < 7 || !parts[5].equals("function")) return null;
            name = parts[6];
        }
        return functionByName.get(name);
    }
}
