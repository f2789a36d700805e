package org.linli.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.linli.core.Ids;
import org.linli.core.format.NodeCode;
import org.linli.json.Json;
import org.linli.json.JsonInput.TextRule;
import org.linli.json.JsonInput;
import org.linli.territory.WorkerChoice;

/**
 * Reads an action's body into a {@link Command}, or a ValidationFailed listing every bad field.
 * Each action takes only its own fields (plus {@code version}, {@code note}, {@code photoKeys});
 * anything else is refused, as everywhere in the API.
 */
public final class CommandParser {
    private static final Set<String> COMMON = Set.of("version", "note", "photoKeys");
    public static final int MAX_DEPARTMENTS = 10;

    private CommandParser() {}

    public static Command parse(CaseAction action, JsonNode body, String requestId) {
        JsonInput in = JsonInput.root(body, fields(action));
        Integer version = in.optionalInt("version", 1, Integer.MAX_VALUE);
        String note = in.optionalString(action == CaseAction.VERDICT ? "comment" : "note", 1, 2000, TextRule.MULTI_LINE);
        List<String> photos = in.optionalPhotoKeys("photoKeys");
        Assignee assignee = null;
        String reason = null;
        String result = null;
        List<String> departments = null;
        String department = null;
        Verdict verdict = null;
        String into = null;
        switch (action) {
            case DISPATCH, REDISPATCH -> {
                JsonInput a = in.requiredObject("assignee", Set.of("userId", "name"));
                if (a != null) {
                    String userId = a.requiredString("userId", 1, 64, TextRule.SINGLE_LINE);
                    if (userId != null && !Ids.looksLike(userId, "usr")) a.error("userId", "is not a user id");
                    String name = a.optionalString("name", 1, 50, TextRule.SINGLE_LINE);
                    if (userId != null && Ids.looksLike(userId, "usr")) assignee = new Assignee(userId, name, WorkerChoice.Rule.DISPATCHED);
                }
            }
            case REJECT, RETURN, ESCALATE, REOPEN -> reason = in.requiredString("reason", 1, 500, TextRule.MULTI_LINE);
            case RESOLVE -> result = in.requiredString("result", 1, 2000, TextRule.MULTI_LINE);
            case COMPLETE_TASK -> {
                result = in.requiredString("result", 1, 2000, TextRule.MULTI_LINE);
                department = in.optionalMatch("department", NodeCode.PATTERN, "must be a department code");
            }
            case CHECK_IN -> department = in.optionalMatch("department", NodeCode.PATTERN, "must be a department code");
            case SUMMON -> departments = departments(in);
            case VERDICT -> {
                verdict = in.requiredEnum("verdict", Verdict.class);
                if (verdict == Verdict.UNREACHABLE) in.error("verdict", "must be SATISFIED, BASICALLY_SATISFIED or DISSATISFIED");
                if (verdict == Verdict.DISSATISFIED && note == null && !in.has("comment")) {
                    in.error("comment", "is required with DISSATISFIED: say what is still wrong");
                }
            }
            case CALLBACK -> verdict = in.requiredEnum("outcome", Verdict.class);
            case CLOSE -> {
                if (!in.has("note")) in.error("note", "is required: why is the case closed");
            }
            case ADD_NOTE -> {
                if (!in.has("note") && !in.has("photoKeys")) in.error("note", "is required (or photoKeys)");
            }
            case MERGE -> {
                into = in.requiredString("into", 1, 64, TextRule.SINGLE_LINE);
                if (into != null && !Ids.looksLike(into, "case")) in.error("into", "is not a case id");
            }
            default -> { }
        }
        in.throwIfInvalid();
        String fingerprint = Ids.derived("fp", action.wire(), Json.write(body));
        return new Command(action, requestId, fingerprint, version == null ? null : version.longValue(), note, photos,
                assignee, reason, result, departments, department, verdict, into);
    }

    private static List<String> departments(JsonInput in) {
        List<String> list = in.optionalStringList("departments", MAX_DEPARTMENTS, 64, NodeCode.PATTERN, "must be a department code");
        if (list == null) {
            if (!in.has("departments")) in.error("departments", "is required: the departments to summon");
            return null;
        }
        if (list.isEmpty()) in.error("departments", "must name at least one department");
        if (new HashSet<>(list).size() != list.size()) in.error("departments", "must not repeat a department");
        return List.copyOf(new LinkedHashSet<>(list));
    }

    private static Set<String> fields(CaseAction action) {
        Set<String> s = new HashSet<>(COMMON);
        switch (action) {
            case DISPATCH, REDISPATCH -> s.add("assignee");
            case REJECT, RETURN, ESCALATE, REOPEN -> s.add("reason");
            case RESOLVE -> s.add("result");
            case COMPLETE_TASK -> s.addAll(List.of("result", "department"));
            case CHECK_IN -> s.add("department");
            case SUMMON -> s.add("departments");
            case VERDICT -> {
                s.remove("note");
                s.addAll(List.of("verdict", "comment"));
            }
            case CALLBACK -> s.add("outcome");
            case MERGE -> s.add("into");
            default -> { }
        }
        return s;
    }
}
