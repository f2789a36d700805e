package org.linli.adapters.s3;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Optional;
import org.linli.core.StoreUnavailable;
import org.linli.photos.PhotoObjects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The photo bucket's objects through the SDK: one call per read, write, and per 1000 deletions. */
public final class S3PhotoObjects implements PhotoObjects {
    private final S3Client s3;
    private final String bucket;

    public S3PhotoObjects(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Optional<byte[]> read(String key, long maxBytes) {
        try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(key))) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) throw new TooLarge(key);
            return Optional.of(bytes);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw unavailable("read", e);
        } catch (SdkException | IOException e) {
            throw unavailable("read", e);
        }
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw unavailable("write", e);
        }
    }

    /**
     * One DeleteObject per key: DeleteObjects would save calls for erasures of many photos, but
     * needs a request checksum S3Proxy does not read; a validation deletes one key.
     */
    @Override
    public void deleteAll(Collection<String> keys) {
        try {
            for (String key : keys) s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw unavailable("delete", e);
        }
    }

    private static StoreUnavailable unavailable(String what, Exception e) {
        return new StoreUnavailable("The photo bucket could not " + what + " now; try again.", e);
    }
}
