package org.linli.hotline;

import java.util.Map;

/**
 * The 12345 platform's endpoint for status reports: one signed POST. Adapters throw
 * {@link org.linli.core.ExternalServiceFailed} ({@code HOTLINE_UNREACHABLE}) when it does not
 * answer 2xx - the report is retried later.
 */
public interface HotlinePlatform {
    void post(String body, Map<String, String> headers);
}
