package org.linli.hotline;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.linli.photos.Photo;
import org.linli.photos.PhotoRefs;
import org.linli.photos.PhotoSigner;

/**
 * Sends one status report from the outbox to the 12345 platform: the result's photos get their
 * download links now (links live {@link PhotoRefs#LINK_LIFETIME}, so they are made when the report
 * leaves, not when it was queued), the body is signed like an incoming order (HMAC-SHA256 over
 * timestamp and body, {@link HotlineSignature}) and POSTed. A failure is the platform's
 * {@code ExternalServiceFailed}: the outbox retries the report, later ones of the order wait.
 */
public final class StatusPusher {
    private final Supplier<byte[]> secret;
    private final HotlinePlatform platform;
    private final PhotoSigner signer;
    private final Clock clock;

    public StatusPusher(Supplier<byte[]> secret, HotlinePlatform platform, PhotoSigner signer, Clock clock) {
        this.secret = secret;
        this.platform = platform;
        this.signer = signer;
        this.clock = clock;
    }

    public void push(StatusReport report) {
        StatusReport linked = report.photos().isEmpty() ? report : report.withPhotos(report.photos().stream()
                .map(p -> new StatusReport.Photo(p.id(), signer.downloadUrl(Photo.photoKey(p.id()), clock.instant().plus(PhotoRefs.LINK_LIFETIME))))
                .toList());
        String body = linked.toJson();
        long timestamp = clock.instant().getEpochSecond();
        String signature = HotlineSignature.sign(secret.get(), timestamp, body.getBytes(StandardCharsets.UTF_8));
        platform.post(body, Map.of("X-Linli-Timestamp", Long.toString(timestamp), "X-Linli-Signature", "sha256=" + signature,
                "X-Linli-Report-Id", report.id()));
    }
}
