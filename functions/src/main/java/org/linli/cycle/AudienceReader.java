package org.linli.cycle;

import java.util.Map;
import org.linli.core.Page;

/** Reads the people of an audience in a community, a page at a time. */
public interface AudienceReader {
    /**
     * A session for one invocation's work on one community: what its audiences look up besides
     * the people themselves (counts, claims, the summary) is read once per session.
     */
    Session open(DispatchWork work);

    interface Session {
        /** One page of the audience from {@code cursor} (null: the start); the next cursor is null at the end. */
        Page<Recipient> page(CycleAudience audience, String cursor, int limit);
    }

    /** One person to tell, with the values his message is made from. */
    record Recipient(String userId, Map<String, String> values) {
        public Recipient {
            values = Map.copyOf(values);
        }
    }
}
