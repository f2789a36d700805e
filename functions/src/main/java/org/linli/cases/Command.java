package org.linli.cases;

import java.util.List;

/**
 * One requested action with what was said with it. {@code requestId} is the client's id for the
 * request (retries reuse it); {@code fingerprint} identifies its content, so that the same id with
 * different content is refused; {@code expectedVersion}, when given, must be the case's version.
 * Action-specific fields are null when the action does not take them.
 */
public record Command(CaseAction action, String requestId, String fingerprint, Long expectedVersion, String note,
                      List<String> photoKeys, Assignee assignee, String reason, String result, List<String> departments,
                      String department, Verdict verdict, String into) {
    public Command {
        photoKeys = photoKeys == null ? List.of() : List.copyOf(photoKeys);
        departments = departments == null ? List.of() : List.copyOf(departments);
    }

    /** A bare command (system actions, tests). */
    public static Command of(CaseAction action, String requestId) {
        return new Command(action, requestId, action.wire(), null, null, List.of(), null, null, null, List.of(), null, null, null);
    }
}
