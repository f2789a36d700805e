package org.linli.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which notification kinds a resident WeChat cannot reach is told by SMS, with which of the
 * provider's approved templates, and the phone's daily cap. Only what a reporter must know:
 * acceptance (受理, {@code case.accepted}), the result with the request for his verdict (办结待评价,
 * {@code case.fed_back}) and the closing ({@code case.closed}). The template ids are the
 * deployment's (template parameters: each account has its own approved templates); a kind whose id
 * is blank has no SMS. Every template takes one parameter, {1}: the case number.
 */
public final class SmsTemplates {
    /** The kinds that may go by SMS, in the order of a case's life. */
    public static final List<String> KINDS = List.of("case.accepted", "case.fed_back", "case.closed");

    private final Map<String, String> templateIds;
    private final SmsCap cap;

    public SmsTemplates(Map<String, String> templateIdByKind, SmsCap cap) {
        Map<String, String> ids = new LinkedHashMap<>();
        templateIdByKind.forEach((kind, id) -> {
            if (!KINDS.contains(kind)) throw new IllegalArgumentException(kind + " is not a kind sent by SMS " + KINDS);
            if (id != null && !id.isBlank()) ids.put(kind, id.strip());
        });
        this.templateIds = Map.copyOf(ids);
        this.cap = cap;
    }

    /** The template id of {@code kind}, if it goes by SMS. */
    public Optional<String> templateId(String kind) {
        return Optional.ofNullable(templateIds.get(kind));
    }

    public boolean any() {
        return !templateIds.isEmpty();
    }

    public SmsCap cap() {
        return cap;
    }

    /** The message of {@code n} to {@code phone}: the kind's template, the case number; the notification id comes back in receipts. */
    public SmsGateway.Message message(String templateId, Notification n, String phone) {
        return new SmsGateway.Message(phone, templateId, List.of(n.caseId() == null ? "" : n.caseId()), n.id());
    }
}
