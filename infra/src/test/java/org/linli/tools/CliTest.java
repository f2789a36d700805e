package org.linli.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.json.Json;

class CliTest {
    private static String[] args(String line) {
        return line.split(" ");
    }

    @Test
    void importOptionsHaveLocalDefaults() {
        Cli.ImportArgs a = Cli.ImportArgs.parse(args("t.geojson --rosters r.csv --precision 7"));
        assertEquals(Path.of("t.geojson"), a.territory());
        assertEquals(Path.of("r.csv"), a.rosters());
        assertNull(a.buildings());
        assertEquals("http://127.0.0.1:3000/", a.url().toString());
        assertEquals("admin", a.devUser(), "without a token, the local dev login");
        assertEquals(7, a.precision());
        assertEquals(3 * 1024 * 1024, a.partBytes());
    }

    @Test
    void badImportOptionsAreUsageErrors() {
        assertThrows(IllegalArgumentException.class, () -> Cli.ImportArgs.parse(args("--buildings b.csv")));
        assertThrows(IllegalArgumentException.class, () -> Cli.ImportArgs.parse(args("t.geojson --part-mb 9")));
        assertThrows(IllegalArgumentException.class, () -> Cli.ImportArgs.parse(args("t.geojson --colour red")));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, Cli.run(args("import"), System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"));
    }

    @Test
    void theSampleIsTheDemoTerritoryInTheImportFormat(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Cli.run(new String[] {"sample", dir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        var fc = Json.parse(Files.readString(dir.resolve("demo-territory.geojson")));
        assertEquals(44 + 4, fc.path("features").size(), "44 nodes (the school included) and 4 compounds");
        assertTrue(Files.readString(dir.resolve("demo-rosters.csv")).startsWith("node,userId,name,phone,role,duty\n"));
    }

    @Test
    void theClosingLineSaysWhatWasPublishedOrEveryProblem() {
        var published = Json.parse("""
                {"jobId":"imp_1","state":"PUBLISHED","mapVersion":3,"summary":{"nodes":111237,"compounds":1200,"cells":43000,
                 "buildings":100000,"rosters":112000,"items":367437}}""");
        assertEquals("published map version 3 in 4m10s: 111,237 nodes, 1,200 compounds, 43,000 cells, 100,000 buildings,"
                + " 112,000 rosters (367,437 items)", ImportClient.describe(published, Duration.ofSeconds(250)));
        var refused = Json.parse("""
                {"jobId":"imp_2","state":"REFUSED","problemCount":3,"problemCounts":{"DUPLICATE_CODE":3},
                 "problems":[{"message":"feature 9 (G1): code G1 is already used by feature 4"}]}""");
        assertEquals("refused: 3 problem(s) {\"DUPLICATE_CODE\":3}; nothing was published\n"
                + "  feature 9 (G1): code G1 is already used by feature 4\n  … and 2 more", ImportClient.describe(refused, Duration.ZERO));
    }

    private static String keys(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    @Test
    void theKeyRotationStepsPrintEachSecretInTurn(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.json");
        Files.writeString(secret, keys("keys", "k1"));
        Files.writeString(secret, keys("keys-publish", secret.toString(), "k2"));
        var published = org.linli.identity.TokenKeyRing.fromSecretJson(Files.readString(secret));
        assertEquals("k1", published.signing().kid(), "publishing signs with nothing new yet");
        assertEquals(java.util.Set.of("k1", "k2"), published.verifying().byKid().keySet());
        Files.writeString(secret, keys("keys-promote", secret.toString()));
        var promoted = org.linli.identity.TokenKeyRing.fromSecretJson(Files.readString(secret));
        assertEquals("k2", promoted.signing().kid());
        assertEquals(published.verifying(), promoted.verifying());
        Files.writeString(secret, keys("keys-retire", secret.toString()));
        assertEquals(java.util.Set.of("k2"), org.linli.identity.TokenKeyRing.fromSecretJson(Files.readString(secret)).verifying().byKid().keySet());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, Cli.run(args("keys-promote " + secret), System.out, new PrintStream(err, true, StandardCharsets.UTF_8)),
                "nothing published to promote");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("publish one first"), err.toString(StandardCharsets.UTF_8));
    }
}
