package org.linli.notify;

import java.util.List;

/**
 * A Chinese SMS provider's send API, as the fallback needs it: one templated text message to one
 * mainland mobile. The provider keeps the words (an approved template under an approved sign
 * name); Linli sends the template id and its parameters. The adapter turns the provider's answers
 * into {@link Result}s; no answer at all is a retryable domain exception.
 */
public interface SmsGateway {
    Result send(Message message);

    /** To whom (11 digits, a mainland mobile), which template, its parameters in order; {@code context} comes back in receipts. */
    record Message(String phone, String templateId, List<String> params, String context) {
        public Message {
            params = List.copyOf(params);
        }
    }

    sealed interface Result permits Sent, Throttled, Rejected {}

    /** Accepted by the provider; {@code serialNo} is its id of the message. */
    record Sent(String serialNo) implements Result {}

    /** The provider is limiting us right now (request frequency): try again later. */
    record Throttled(String code) implements Result {}

    /** Refused for good (a wrong number, a template or sign not approved, the provider's own per-number limit): retrying cannot help. */
    record Rejected(String code) implements Result {}
}
