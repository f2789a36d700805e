package org.linli.cases;

/**
 * Sends {@code case.event} messages (notifications now, KPIs and WeChat delivery later).
 * Adapters throw QueueUnavailable; the event id makes redelivery and re-sending harmless.
 */
public interface CaseEventPublisher {
    void publish(CaseEvent event);
}
