package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.local.LocalCloud;
import org.linli.local.PostForm;

/**
 * Photos end to end through the local gateway and the local S3, as the mini-program does it: a grant
 * (POST /uploads), the upload as a plain multipart form POST (wx.uploadFile), the validator behind
 * the bucket's ObjectCreated events, a report naming the photo, the assigned worker reading the case
 * and downloading a copy without the EXIF GPS position; and every way a photo is refused.
 */
class PhotoEndToEndTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalCloud cloud;
    private static Api api;
    private static String resident;

    private static final String REPORT = """
            {"category":"sanitation","description":"楼道堆放杂物 %s","location":{"lat":37.8481,"lng":113.5452,"datum":"GCJ02"},
             "contact":{"name":"王芳","phone":"13812341234"},"photoKeys":%s}""";

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        api = new Api(cloud.baseUrl());
        resident = api.login("resident");
    }

    private static JsonNode grant(String token, String type, long size) {
        Api.Answer g = api.post("/uploads", token, "{\"purpose\":\"REPORT\",\"contentType\":\"" + type + "\",\"size\":" + size + "}");
        assertEquals(201, g.status(), g.body());
        return g.json();
    }

    /** The form POST wx.uploadFile sends: the grant's fields, then the file. */
    private static HttpResponse<String> upload(JsonNode grant, String fileName, byte[] file) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        grant.path("upload").path("fields").fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
        return HTTP.send(HttpRequest.newBuilder(URI.create(grant.path("upload").path("url").asText()))
                .header("Content-Type", PostForm.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(PostForm.multipart(fields, fileName, file))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode awaitChecked(String photoKey, String token) {
        return Eventually.await(Duration.ofSeconds(15), () -> api.get("/uploads/" + photoKey, token).json(),
                j -> !"GRANTED".equals(j.path("state").asText()), photoKey + " checked");
    }

    /** A validated photo of {@code token}'s user. */
    private static String validatedPhoto(String token, byte[] jpeg) throws Exception {
        JsonNode g = grant(token, "image/jpeg", jpeg.length);
        assertEquals(204, upload(g, "tmp_wx.jpg", jpeg).statusCode());
        JsonNode checked = awaitChecked(g.path("photoKey").asText(), token);
        assertEquals("VALIDATED", checked.path("state").asText(), checked.toString());
        return g.path("photoKey").asText();
    }

    private static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("image/jpeg", r.headers().firstValue("Content-Type").orElse(""));
        return r.body();
    }

    @Test
    void aPhotoWithGpsIsUploadedReportedAndShownToTheAssignedWorkerWithoutItsPosition() throws Exception {
        byte[] original = TestImages.withGps(TestImages.jpeg(1200, 900));
        assertTrue(TestImages.markers(original).contains(0xE1), "the fixture carries EXIF");
        assertTrue(TestImages.contains(original, new byte[] {(byte) 0x88, 0x25}), "with a GPSInfo pointer");

        JsonNode g = grant(resident, "image/jpeg", original.length);
        String photoKey = g.path("photoKey").asText();
        assertEquals("POST", g.path("upload").path("method").asText());
        assertTrue(g.path("upload").path("fields").path("key").asText().startsWith("incoming/"), g.toString());
        assertTrue(Duration.between(LinliCloud.now(), Instant.parse(g.path("expiresAt").asText())).toMinutes() <= 15);

        long t0 = System.nanoTime();
        HttpResponse<String> uploaded = upload(g, "tmp_wx_photo.jpg", original);
        assertEquals(204, uploaded.statusCode(), uploaded.body());
        JsonNode checked = awaitChecked(photoKey, resident);
        System.out.println("photos: upload -> VALIDATED in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertEquals("VALIDATED", checked.path("state").asText(), checked.toString());
        assertEquals(1200, checked.path("width").asInt());

        Api.Answer posted = api.post("/reports", resident, REPORT.formatted(UUID.randomUUID(), "[\"" + photoKey + "\"]"));
        assertEquals(202, posted.status(), posted.body());
        String reportId = posted.json().path("reportId").asText();
        JsonNode report = Eventually.await(Duration.ofSeconds(10), () -> api.get("/reports/" + reportId, resident).json(),
                j -> "ASSIGNED".equals(j.path("status").asText()), "ASSIGNED");
        assertEquals(photoKey, report.path("photos").path(0).path("photoKey").asText(), "the reporter sees his own photo");

        // the assigned worker reads the case, then its report, and downloads the photo
        String worker = api.login("worker-DEMO-W1-G1");
        assertEquals(org.linli.tools.DemoTerritory.userId("worker-DEMO-W1-G1"), report.at("/case/assignee/userId").asText());
        String caseId = report.at("/case/caseId").asText();
        Api.Answer c = api.get("/cases/" + caseId, worker);
        assertEquals(200, c.status(), c.body());
        assertTrue(c.json().path("reportIds").toString().contains(reportId), c.body());
        JsonNode seen = api.get("/reports/" + reportId, worker).json();
        JsonNode photo = seen.path("photos").path(0);
        assertEquals(photoKey, photo.path("photoKey").asText(), seen.toString());
        assertTrue(Duration.between(LinliCloud.now(), Instant.parse(photo.path("expiresAt").asText())).toMinutes() <= 15);
        assertTrue(photo.path("url").asText().contains("X-Amz-Expires=600"), photo.toString());
        byte[] copy = download(photo.path("url").asText());
        assertFalse(TestImages.markers(copy).contains(0xE1), "no EXIF or XMP segment: " + TestImages.markers(copy));
        assertFalse(TestImages.contains(copy, "Exif".getBytes(StandardCharsets.US_ASCII)));
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(copy));
        assertEquals(1200, decoded.getWidth());
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(download(photo.path("thumbUrl").asText())));
        assertEquals(320, thumb.getWidth());

        // another resident gets no URL: the report is not his to see, nor the photo's state
        String other = api.login("resident2");
        Api.Answer foreign = api.get("/reports/" + reportId, other);
        assertEquals(404, foreign.status());
        assertFalse(foreign.body().contains("X-Amz-Signature"));
        assertEquals(404, api.get("/uploads/" + photoKey, other).status());
        // nor may he name it in a report of his own
        Api.Answer stolen = api.post("/reports", other, REPORT.formatted(UUID.randomUUID(), "[\"" + photoKey + "\"]"));
        assertEquals(400, stolen.status(), stolen.body());
        assertEquals("photoKeys[0]", stolen.json().at("/error/fields/0/field").asText());

        // staff evidence must be the acting worker's own upload: the resident's photo is refused, his own accepted
        api.call("POST", "/cases/" + caseId + "/actions/accept", worker, "{}", Map.of("Content-Type", "application/json",
                "Idempotency-Key", "accept-" + caseId));
        String evidence = validatedPhoto(worker, TestImages.jpeg(640, 480));
        Api.Answer borrowed = api.call("POST", "/cases/" + caseId + "/actions/add-note", worker,
                "{\"note\":\"现场照片\",\"photoKeys\":[\"" + photoKey + "\"]}", Map.of("Content-Type", "application/json",
                        "Idempotency-Key", "note1-" + caseId));
        assertEquals(400, borrowed.status(), borrowed.body());
        Api.Answer own = api.call("POST", "/cases/" + caseId + "/actions/add-note", worker,
                "{\"note\":\"现场照片\",\"photoKeys\":[\"" + evidence + "\"]}", Map.of("Content-Type", "application/json",
                        "Idempotency-Key", "note2-" + caseId));
        assertEquals(200, own.status(), own.body());
        JsonNode audit = api.get("/cases/" + caseId + "/audit", worker).json();
        assertTrue(audit.toString().contains("\"photoKey\":\"" + evidence + "\""), audit.toString());
    }

    @Test
    void oversizedMistypedEmptyAndUncheckedPhotosAreRefusedAsFieldErrors() throws Exception {
        // refused at the grant
        Api.Answer big = api.post("/uploads", resident, "{\"purpose\":\"REPORT\",\"contentType\":\"image/jpeg\",\"size\":10485761}");
        assertEquals(400, big.status(), big.body());
        assertEquals("size", big.json().at("/error/fields/0/field").asText());
        Api.Answer pdfType = api.post("/uploads", resident, "{\"purpose\":\"REPORT\",\"contentType\":\"application/pdf\",\"size\":100}");
        assertEquals("contentType", pdfType.json().at("/error/fields/0/field").asText());
        Api.Answer empty = api.post("/uploads", resident, "{\"purpose\":\"REPORT\",\"contentType\":\"image/png\",\"size\":0}");
        assertEquals("size", empty.json().at("/error/fields/0/field").asText());

        // refused by S3's policy: more bytes than granted, no bytes, another type
        byte[] jpeg = TestImages.jpeg(300, 200);
        JsonNode small = grant(resident, "image/jpeg", jpeg.length - 1);
        HttpResponse<String> tooLarge = upload(small, "a.jpg", jpeg);
        assertEquals(400, tooLarge.statusCode());
        assertTrue(tooLarge.body().contains("EntityTooLarge"), tooLarge.body());
        assertTrue(upload(grant(resident, "image/jpeg", 100), "a.jpg", new byte[0]).body().contains("EntityTooSmall"));

        // a PDF renamed .jpg passes S3 (which reads no bytes) and is refused by the validator, then deleted
        byte[] pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        JsonNode renamed = grant(resident, "image/jpeg", pdf.length);
        assertEquals(204, upload(renamed, "photo.jpg", pdf).statusCode());
        JsonNode refused = awaitChecked(renamed.path("photoKey").asText(), resident);
        assertEquals("REFUSED", refused.path("state").asText());
        assertTrue(refused.path("reason").asText().contains("not a JPEG, PNG or WebP"), refused.toString());

        // a grant whose upload has not been checked (or never came)
        JsonNode pending = grant(resident, "image/jpeg", 5000);

        Api.Answer named = api.post("/reports", resident, REPORT.formatted(UUID.randomUUID(),
                "[\"" + renamed.path("photoKey").asText() + "\",\"" + pending.path("photoKey").asText() + "\",\"pho_00000000000000000000000000\"]"));
        assertEquals(400, named.status(), named.body());
        JsonNode fields = named.json().at("/error/fields");
        assertEquals(List.of("photoKeys[0]", "photoKeys[1]", "photoKeys[2]"), List.of(fields.path(0).path("field").asText(),
                fields.path(1).path("field").asText(), fields.path(2).path("field").asText()));
        assertTrue(fields.path(0).path("message").asText().startsWith("was refused"), fields.toString());
        assertTrue(fields.path(1).path("message").asText().startsWith("is not validated yet"), fields.toString());
    }
}
