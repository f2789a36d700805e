package org.linli.photos;

import java.time.Instant;
import java.util.Map;

/** Signs what a client may do with the bucket: one upload (a form POST policy), short-lived downloads. */
public interface PhotoSigner {
    /**
     * A browser-form POST upload of exactly one object: {@code key}, Content-Type {@code contentType},
     * between 1 and {@code maxBytes} bytes, valid until {@code expiresAt}.
     */
    UploadForm uploadForm(String key, String contentType, long maxBytes, Instant expiresAt);

    /** A GET URL for {@code key}, valid until {@code expiresAt}. */
    String downloadUrl(String key, Instant expiresAt);

    /** Where to POST and the form fields to send before the file (field {@code file}, last). */
    record UploadForm(String url, Map<String, String> fields) {}
}
