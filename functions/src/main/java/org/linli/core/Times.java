package org.linli.core;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Time formats. Storage uses fixed-width UTC instants (they sort as strings, which index keys
 * rely on); the API speaks W3C date-times with the Asia/Shanghai offset, the time residents live in.
 */
public final class Times {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter STORED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter API =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(CHINA);

    private Times() {}

    public static String stored(Instant instant) {
        return STORED.format(instant);
    }

    public static Instant parseStored(String text) {
        return Instant.parse(text);
    }

    public static String api(Instant instant) {
        return API.format(instant);
    }
}
