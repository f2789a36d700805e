package org.linli.tools;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.linli.json.Json;
import org.linli.territory.imports.Progress;

/**
 * Imports a territory through the HTTP API, as staff would: creates an import job, cuts the
 * GeoJSON into parts of about {@code partBytes} (streaming: a province never sits in memory as
 * one tree) and the CSVs into parts that repeat their header, uploads them, commits, and polls the
 * job, printing a progress line (count, rate, ETA) as it goes.
 */
public final class ImportClient {
    /** What to import, and how. Null files are left out. */
    public record Request(Path territory, Path buildings, Path rosters, String note, String datum, Integer cellPrecision,
                          int partBytes, Path orders) {
        public Request(Path territory, Path buildings, Path rosters, String note, String datum, Integer cellPrecision, int partBytes) {
            this(territory, buildings, rosters, note, datum, cellPrecision, partBytes, null);
        }

        /** The day's work orders of a 12345 hotline export (docs/hotline.md): imported alone. */
        public static Request orders(Path csv, String note, int partBytes) {
            return new Request(null, null, null, note, null, null, partBytes, csv);
        }
    }

    /** How it ended: the job's final view, and how long it took from first byte to final state. */
    public record Result(JsonNode job, Duration elapsed) {
        public String state() {
            return job.path("state").asText();
        }
    }

    /** A CSV part travels as one JSON string, which the API takes up to 1,000,000 characters long. */
    static final int CSV_PART_BYTES = 900_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final java.util.function.Supplier<String> token;
    private final PrintStream out;
    private final Duration pollEvery;
    private final Clock clock = Clock.systemUTC();

    public ImportClient(URI base, String token, PrintStream out, Duration pollEvery) {
        this(base, () -> token, out, pollEvery);
    }

    /** With a token per request: access tokens live 30 minutes, a province may take longer. */
    public ImportClient(URI base, java.util.function.Supplier<String> token, PrintStream out, Duration pollEvery) {
        this.base = base;
        this.token = token;
        this.out = out;
        this.pollEvery = pollEvery;
    }

    public Result run(Request r) throws IOException, InterruptedException {
        Instant started = clock.instant();
        var create = Json.object();
        if (r.note() != null) create.put("note", r.note());
        if (r.datum() != null) create.put("datum", r.datum());
        if (r.cellPrecision() != null) create.put("cellPrecision", r.cellPrecision());
        JsonNode job = call("POST", "/territory/imports", Json.write(create), 201);
        String id = job.path("jobId").asText();
        out.println("import " + id + " created");

        long total = size(r.territory()) + size(r.buildings()) + size(r.rosters()) + size(r.orders());
        Upload upload = new Upload(id, total, r.partBytes());
        if (r.territory() != null) upload.geoJson(r.territory());
        if (r.buildings() != null) upload.csv(r.buildings(), "buildings");
        if (r.rosters() != null) upload.csv(r.rosters(), "rosters");
        if (r.orders() != null) upload.csv(r.orders(), "orders");
        upload.report(true);

        call("POST", "/territory/imports/" + id + "/commit", "{}", 202);
        out.println("committed; the import worker takes it from here");
        String last = "";
        while (true) {
            job = call("GET", "/territory/imports/" + id, null, 200);
            String state = job.path("state").asText();
            String line = job.path("progress").path("line").asText("");
            if (!line.isEmpty() && !line.equals(last)) {
                out.println("  " + line);
                last = line;
            }
            if (state.equals("PUBLISHED") || state.equals("REFUSED") || state.equals("FAILED")) break;
            Thread.sleep(pollEvery.toMillis());
        }
        Duration elapsed = Duration.between(started, clock.instant());
        out.println(describe(job, elapsed));
        return new Result(job, elapsed);
    }

    /** The closing lines: what was published, or every problem kept on the job. */
    static String describe(JsonNode job, Duration elapsed) {
        StringBuilder s = new StringBuilder();
        String state = job.path("state").asText();
        switch (state) {
            case "PUBLISHED" -> {
                JsonNode sum = job.path("summary");
                if (sum.has("orders")) { // work orders: filed, received before, and the rows left out
                    s.append(String.format(Locale.ROOT, "filed %,d work order(s) in %s; %,d received before (one case each); %,d bad row(s) left out",
                            sum.path("orders").asLong(), Progress.duration(elapsed), sum.path("alreadyReceived").asLong(),
                            job.path("problemCount").asInt()));
                    for (JsonNode p : job.path("problems")) s.append("\n  ").append(p.path("message").asText());
                    break;
                }
                s.append(String.format(Locale.ROOT, "published map version %d in %s: %,d nodes, %,d compounds, %,d cells, %,d buildings,"
                                + " %,d rosters (%,d items)", job.path("mapVersion").asInt(), Progress.duration(elapsed),
                        sum.path("nodes").asLong(), sum.path("compounds").asLong(), sum.path("cells").asLong(),
                        sum.path("buildings").asLong(), sum.path("rosters").asLong(), sum.path("items").asLong()));
            }
            case "REFUSED" -> {
                s.append(String.format(Locale.ROOT, "refused: %,d problem(s) %s; nothing was published", job.path("problemCount").asInt(),
                        job.path("problemCounts")));
                for (JsonNode p : job.path("problems")) s.append("\n  ").append(p.path("message").asText());
                int shown = job.path("problems").size();
                if (shown < job.path("problemCount").asInt()) s.append("\n  … and ").append(job.path("problemCount").asInt() - shown).append(" more");
            }
            default -> s.append("failed: ").append(job.path("failure").asText("unknown"))
                    .append(" (the import queue retries it; GET /territory/imports/").append(job.path("jobId").asText()).append(")");
        }
        return s.toString();
    }

    private static long size(Path p) throws IOException {
        return p == null ? 0 : Files.size(p);
    }

    /** Parts as they are cut, uploaded one by one, with a progress line per part. */
    private final class Upload {
        private final String jobId;
        private final long totalBytes;
        private final int partBytes;
        private final Instant started = clock.instant();
        private long sentBytes;
        private int parts;
        private Instant lastLine = Instant.MIN;

        Upload(String jobId, long totalBytes, int partBytes) {
            this.jobId = jobId;
            this.totalBytes = totalBytes;
            this.partBytes = partBytes;
        }

        /** Streams the FeatureCollection's features into parts; other top-level members are skipped. */
        void geoJson(Path file) throws IOException, InterruptedException {
            // Feature by feature from one stream: the strict mapper would call the next feature a trailing token.
            ObjectMapper mapper = Json.mapper().copy().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            int number = 0;
            long offset = 0;
            try (InputStream in = Files.newInputStream(file); JsonParser p = mapper.getFactory().createParser(in)) {
                if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException(file + " is not a GeoJSON object");
                ByteArrayOutputStream part = new ByteArrayOutputStream();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken t = p.nextToken();
                    if (!field.equals("features") || t != JsonToken.START_ARRAY) {
                        p.skipChildren();
                        continue;
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        byte[] feature = mapper.writeValueAsBytes(mapper.readTree(p));
                        if (part.size() > 0 && part.size() + feature.length > partBytes) {
                            long at = p.currentLocation().getByteOffset();
                            put("territory", ++number, collection(part), at - offset);
                            offset = at;
                            part.reset();
                        }
                        if (part.size() > 0) part.write(',');
                        part.write(feature);
                    }
                }
                if (part.size() > 0 || number == 0) put("territory", ++number, collection(part), Files.size(file) - offset);
            }
        }

        private String collection(ByteArrayOutputStream features) {
            return "{\"type\":\"FeatureCollection\",\"features\":[" + features.toString(StandardCharsets.UTF_8) + "]}";
        }

        /**
         * Cuts at record ends (never inside a quoted field), each part repeating the header line,
         * and below the API's limit for one JSON string ({@link #CSV_PART_BYTES}).
         */
        void csv(Path file, String kind) throws IOException, InterruptedException {
            int partBytes = Math.min(this.partBytes, CSV_PART_BYTES);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty()) throw new IOException(file + " is empty");
            String header = lines.get(0);
            int headerBytes = header.getBytes(StandardCharsets.UTF_8).length + 1;
            StringBuilder part = new StringBuilder(header).append('\n');
            int number = 0;
            boolean quoted = false;
            long bytes = headerBytes; // UTF-8 bytes of the part so far: a Chinese name is 3 per character
            for (String line : lines.subList(1, lines.size())) {
                int lineBytes = line.getBytes(StandardCharsets.UTF_8).length + 1;
                if (!quoted && bytes > headerBytes && bytes + lineBytes > partBytes) {
                    put(kind, ++number, csvBody(part), bytes);
                    bytes = headerBytes;
                    part.setLength(0);
                    part.append(header).append('\n');
                }
                part.append(line).append('\n');
                bytes += lineBytes;
                for (int i = 0; i < line.length(); i++) if (line.charAt(i) == '"') quoted = !quoted;
            }
            put(kind, ++number, csvBody(part), bytes);
        }

        private String csvBody(StringBuilder csv) {
            return Json.write(Json.object().put("csv", csv.toString()));
        }

        private void put(String kind, int number, String body, long fileBytes) throws IOException, InterruptedException {
            String partId = String.format(Locale.ROOT, "%s-%04d", kind, number);
            call("PUT", "/territory/imports/" + jobId + "/parts/" + partId, body, 200);
            sentBytes += fileBytes;
            parts++;
            report(false);
        }

        void report(boolean always) {
            Instant now = clock.instant();
            if (!always && now.isBefore(lastLine.plusSeconds(1))) return;
            lastLine = now;
            long kb = Math.min(sentBytes, totalBytes) / 1024;
            out.println("  " + new Progress("uploading " + parts + " part(s)", 1, 2, kb, Math.max(1, totalBytes / 1024), "KB",
                    started, now).line());
        }
    }

    /** One API call, retried on 5xx and network errors (3 attempts); anything else unexpected is an error. */
    private JsonNode call(String method, String path, String body, int expected) throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token.get())
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) b.header("Content-Type", "application/json");
            try {
                HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == expected) return Json.parse(r.body());
                if (r.statusCode() < 500) throw new ApiError(method + " " + path + " → " + r.statusCode() + " " + r.body());
                last = new IOException(method + " " + path + " → " + r.statusCode() + " " + r.body());
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(500L * attempt);
        }
        throw last;
    }

    /** The API refused a request (4xx): retrying would not help. */
    public static final class ApiError extends UncheckedIOException {
        ApiError(String message) {
            super(new IOException(message));
        }
    }

    /** Lines of a refused job, for callers that print elsewhere. */
    public static List<String> problems(JsonNode job) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : job.path("problems")) out.add(p.path("message").asText());
        return out;
    }
}
