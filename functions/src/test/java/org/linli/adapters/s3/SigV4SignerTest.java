package org.linli.adapters.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.linli.photos.PhotoSigner;

class SigV4SignerTest {
    private static final SigV4Signer.Credentials EXAMPLE = new SigV4Signer.Credentials("AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null);

    /** S3's documented example ("Authenticating Requests: Using Query Parameters"): the same URL to the character. */
    @Test
    void aPresignedGetIsTheDocumentedExample() {
        Instant at = Instant.parse("2013-05-24T00:00:00Z");
        SigV4Signer signer = new SigV4Signer(URI.create("https://examplebucket.s3.amazonaws.com"), "examplebucket", "us-east-1",
                () -> EXAMPLE, Clock.fixed(at, ZoneOffset.UTC));
        assertEquals("https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z"
                + "&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
                signer.downloadUrl("test.txt", at.plusSeconds(86400)));
    }

    @Test
    void aPathStyleUrlSignsTheBucketInThePathAndTheHostWithItsPort() {
        Instant at = Instant.parse("2026-11-18T02:00:00Z");
        SigV4Signer signer = new SigV4Signer(URI.create("http://127.0.0.1:4566/linli-photos"), "linli-photos", "cn-north-1",
                () -> new SigV4Signer.Credentials("local", "local", "token/with+chars"), Clock.fixed(at, ZoneOffset.UTC));
        String url = signer.downloadUrl("thumbs/pho_1", at.plusSeconds(600));
        assertTrue(url.startsWith("http://127.0.0.1:4566/linli-photos/thumbs/pho_1?X-Amz-Algorithm="), url);
        assertTrue(url.contains("&X-Amz-Expires=600&X-Amz-Security-Token=token%2Fwith%2Bchars&X-Amz-SignedHeaders=host&X-Amz-Signature="), url);
    }

    @Test
    void theUploadFormBindsKeyTypeSizeAndExpiryInItsPolicy() {
        Instant at = Instant.parse("2026-11-18T02:00:00Z");
        SigV4Signer signer = new SigV4Signer(SigV4Signer.awsBucketUrl("linli-prod-photos", "cn-north-1"), "linli-prod-photos",
                "cn-north-1", () -> EXAMPLE, Clock.fixed(at, ZoneOffset.UTC));
        PhotoSigner.UploadForm form = signer.uploadForm("incoming/usr_1/pho_1", "image/jpeg", 4096, at.plusSeconds(600));
        assertEquals("https://linli-prod-photos.s3.cn-north-1.amazonaws.com.cn", form.url());
        assertEquals("incoming/usr_1/pho_1", form.fields().get("key"));
        assertEquals("AKIAIOSFODNN7EXAMPLE/20261118/cn-north-1/s3/aws4_request", form.fields().get("x-amz-credential"));
        String policy = new String(Base64.getDecoder().decode(form.fields().get("policy")), StandardCharsets.UTF_8);
        assertEquals("{\"expiration\":\"2026-11-18T02:10:00Z\",\"conditions\":[{\"bucket\":\"linli-prod-photos\"},"
                + "[\"eq\",\"$key\",\"incoming/usr_1/pho_1\"],[\"eq\",\"$Content-Type\",\"image/jpeg\"],"
                + "[\"eq\",\"$x-amz-algorithm\",\"AWS4-HMAC-SHA256\"],"
                + "[\"eq\",\"$x-amz-credential\",\"AKIAIOSFODNN7EXAMPLE/20261118/cn-north-1/s3/aws4_request\"],"
                + "[\"eq\",\"$x-amz-date\",\"20261118T020000Z\"],[\"content-length-range\",1,4096]]}", policy);
        assertEquals(64, form.fields().get("x-amz-signature").length());
    }
}
