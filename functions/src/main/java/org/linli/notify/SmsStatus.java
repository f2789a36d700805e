package org.linli.notify;

/** Where the SMS of one event to one phone stands. */
public enum SmsStatus {
    /** A delivery holds the claim and is talking to the provider. */
    SENDING,
    /** Not sent yet (the provider throttled or failed): the notification comes back through the queue. */
    PENDING,
    /** The provider accepted it. */
    SENT,
    /** The phone had its daily allowance already: not sent, never retried. */
    CAPPED,
    /** The provider refused it for good: logged, never retried. */
    FAILED;

    public boolean settled() {
        return this != SENDING && this != PENDING;
    }
}
