package org.linli.volunteer;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Limits of the service log, and the service types a log may name (code → display name). */
public record LogRules(int maxHoursPerDay, Duration maxAge, Duration clockSkew, Map<String, String> types) {
    public LogRules {
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types)); // the configured order, for messages
        if (maxHoursPerDay < 1 || maxHoursPerDay > 24) throw new IllegalArgumentException("maxHoursPerDay must be 1..24");
    }

    public int maxMinutesPerDay() {
        return maxHoursPerDay * 60;
    }
}
