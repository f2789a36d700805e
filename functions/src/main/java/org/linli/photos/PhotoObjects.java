package org.linli.photos;

import java.util.Collection;
import java.util.Optional;

/** The photo bucket's objects. */
public interface PhotoObjects {
    /** The object's bytes, empty when it is gone; at most {@code maxBytes} are read (a larger object: {@link TooLarge}). */
    Optional<byte[]> read(String key, long maxBytes);

    void put(String key, byte[] bytes, String contentType);

    /** Deletes these objects; a missing one is no error. */
    void deleteAll(Collection<String> keys);

    /** The object holds more than the reader would take. */
    final class TooLarge extends RuntimeException {
        public TooLarge(String key) {
            super("object " + key + " is larger than allowed");
        }
    }
}
