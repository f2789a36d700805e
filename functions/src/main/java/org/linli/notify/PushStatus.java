package org.linli.notify;

/** Where the WeChat subscribe message of a notification stands. */
public enum PushStatus {
    /** A delivery holds the claim and is talking to WeChat. */
    SENDING,
    /** Not sent yet: WeChat limited us or failed; the message comes back through the queue. */
    PENDING,
    /** WeChat accepted it. */
    SENT,
    /** The user refused (or has no consent left): never retried; recorded on the user too. */
    REFUSED,
    /** The user has no WeChat openid (never logged in through the mini-program): inbox only. */
    NO_OPENID,
    /** WeChat rejected it for good (bad template or data): logged, never retried. */
    FAILED;

    public boolean settled() {
        return this != SENDING && this != PENDING;
    }
}
