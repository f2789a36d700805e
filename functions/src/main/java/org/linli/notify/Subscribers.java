package org.linli.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** The WeChat side of users: their openids and the templates they refused. */
public interface Subscribers {
    /** The users among {@code userIds} that exist, in one round trip. */
    Map<String, Subscriber> find(Collection<String> userIds);

    /** Records that the user refused {@code templateId} at {@code at}. */
    void refused(String userId, String templateId, Instant at);

    /** A user's openid (null: he never logged in through WeChat) and when he refused which template. */
    record Subscriber(String userId, String openId, Map<String, Instant> refusals) {
        public Subscriber {
            refusals = Map.copyOf(refusals);
        }

        /** Refused {@code templateId} after {@code since}: a push would be refused again. */
        public boolean refusedSince(String templateId, Instant since) {
            Instant at = refusals.get(templateId);
            return at != null && at.isAfter(since);
        }
    }
}
