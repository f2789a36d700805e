package org.linli.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.linli.identity.TokenKeyRing;
import org.linli.identity.TokenKeys;
import org.linli.json.Json;

/**
 * Command-line tools for operators (run with {@code infra/linli <command>}, see docs/territory.md).
 * <ul>
 * <li>{@code keys [kid]} prints a new token key pair as the JSON the {@code TokenKeysSecretName}
 * secret holds, to create before the first deployment.</li>
 * <li>{@code keys-publish SECRET.json KID}, {@code keys-promote SECRET.json}, {@code keys-retire SECRET.json}
 * print the secret of each step of a token key rotation (TokenKeyRing, docs/operations.md).</li>
 * <li>{@code import <territory.geojson> [--buildings f.csv] [--rosters f.csv] [--url URL]
 * [--token T | --dev-user admin] [--note text] [--datum GCJ02|WGS84] [--precision 6] [--part-mb 3]}
 * imports a territory through the API and prints its progress; {@code import --rosters f.csv}
 * alone replaces rosters on the current map; {@code import --orders f.csv} files the day's work orders
 * of a 12345 hotline's CSV export (docs/hotline.md).</li>
 * <li>{@code sample <dir>} writes the demo territory in the import format (GeoJSON and two CSVs).</li>
 * <li>{@code open311-key NAME SCOPE} prints a new Open311 API key for a third party whose requests must
 * fall within territory node SCOPE, and the users-table item that registers it (only the key's
 * SHA-256 is stored; see docs/open311.md).</li>
 * </ul>
 */
public final class Cli {
    static final String USAGE = String.join("\n",
            "usage: keys [kid]",
            "       keys-publish SECRET.json KID | keys-promote SECRET.json | keys-retire SECRET.json",
            "       open311-key NAME SCOPE",
            "       import <territory.geojson> [--buildings f.csv] [--rosters f.csv] [--url http://127.0.0.1:3000]",
            "              [--token T | --dev-user admin] [--note text] [--datum GCJ02|WGS84] [--precision 5..8] [--part-mb 3]",
            "       import --rosters f.csv [--url ...] [--token T | --dev-user admin]",
            "       import --orders 12345-export.csv [--url ...] [--token T | --dev-user district]",
            "       sample <dir>");

    private Cli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "keys" -> {
                    out.println(TokenKeys.generate(rest.length > 0 ? rest[0] : "k1").toSecretJson());
                    return 0;
                }
                case "keys-publish", "keys-promote", "keys-retire" -> {
                    if (rest.length != (args[0].equals("keys-publish") ? 2 : 1)) {
                        throw new IllegalArgumentException(args[0] + " needs the current secret's file" + (args[0].equals("keys-publish") ? " and a new kid" : ""));
                    }
                    TokenKeyRing ring = TokenKeyRing.fromSecretJson(Files.readString(Path.of(rest[0])));
                    TokenKeyRing next = switch (args[0]) {
                        case "keys-publish" -> ring.publish(TokenKeys.generate(rest[1]));
                        case "keys-promote" -> ring.promote();
                        default -> ring.retire();
                    };
                    out.println(next.toSecretJson());
                    return 0;
                }
                case "import" -> {
                    return importCommand(ImportArgs.parse(rest), out);
                }
                case "open311-key" -> {
                    if (rest.length != 2) throw new IllegalArgumentException("open311-key needs NAME and SCOPE");
                    byte[] random = new byte[24];
                    new java.security.SecureRandom().nextBytes(random);
                    String key = "o311_" + java.util.HexFormat.of().formatHex(random);
                    out.println(org.linli.json.Json.write(org.linli.json.Json.object().put("apiKey", key)
                            .set("item", org.linli.json.Json.parse(OpenKeys.item(key, rest[0], rest[1])))));
                    return 0;
                }
                case "sample" -> {
                    if (rest.length != 1) throw new IllegalArgumentException("sample needs one directory");
                    sample(Path.of(rest[0]), out);
                    return 0;
                }
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (ImportClient.ApiError e) {
            err.println("the API refused: " + e.getCause().getMessage());
            return 1;
        } catch (IOException e) {
            err.println("failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** The parsed options of {@code import}. */
    record ImportArgs(Path territory, Path buildings, Path rosters, URI url, String token, String devUser, String note,
                      String datum, Integer precision, int partBytes, Path orders) {
        static ImportArgs parse(String[] a) {
            Path territory = null;
            Path buildings = null;
            Path rosters = null;
            Path orders = null;
            URI url = URI.create("http://127.0.0.1:3000/");
            String token = null;
            String devUser = null;
            String note = null;
            String datum = null;
            Integer precision = null;
            double partMb = 3;
            for (int i = 0; i < a.length; i++) {
                String arg = a[i];
                if (!arg.startsWith("--")) {
                    if (territory != null) throw new IllegalArgumentException("one territory file only, got " + arg);
                    territory = Path.of(arg);
                    continue;
                }
                if (i + 1 >= a.length) throw new IllegalArgumentException(arg + " needs a value");
                String v = a[++i];
                switch (arg) {
                    case "--buildings" -> buildings = Path.of(v);
                    case "--rosters" -> rosters = Path.of(v);
                    case "--orders" -> orders = Path.of(v);
                    case "--url" -> url = URI.create(v.endsWith("/") ? v : v + "/");
                    case "--token" -> token = v;
                    case "--dev-user" -> devUser = v;
                    case "--note" -> note = v;
                    case "--datum" -> datum = v;
                    case "--precision" -> precision = Integer.parseInt(v);
                    case "--part-mb" -> partMb = Double.parseDouble(v);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (orders != null && (territory != null || rosters != null || buildings != null)) {
                throw new IllegalArgumentException("--orders is imported alone");
            }
            if (orders == null && territory == null && rosters == null) throw new IllegalArgumentException("import needs a territory file (or --rosters alone)");
            if (territory == null && buildings != null) throw new IllegalArgumentException("buildings come with their territory");
            if (token == null && devUser == null) devUser = "admin";
            if (partMb <= 0 || partMb > 3.5) throw new IllegalArgumentException("--part-mb must be above 0 and at most 3.5 (a part is one request)");
            return new ImportArgs(territory, buildings, rosters, url, token, devUser, note, datum, precision, (int) (partMb * 1024 * 1024), orders);
        }
    }

    private static int importCommand(ImportArgs a, PrintStream out) throws IOException, InterruptedException {
        for (Path p : new Path[] {a.territory(), a.buildings(), a.rosters(), a.orders()}) {
            if (p != null && !Files.isReadable(p)) throw new IOException("cannot read " + p);
        }
        String token = a.token() != null ? a.token() : devLogin(a.url(), a.devUser());
        ImportClient client = new ImportClient(a.url(), token, out, Duration.ofSeconds(1));
        ImportClient.Result r = client.run(new ImportClient.Request(a.territory(), a.buildings(), a.rosters(), a.note(), a.datum(),
                a.precision(), a.partBytes(), a.orders()));
        return r.state().equals("PUBLISHED") ? 0 : 1;
    }

    /** A token from the local cloud's dev login (it exists only there). */
    static String devLogin(URI base, String user) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        base.resolve("_local/dev-login?user=" + user + "&format=token"))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("dev login as " + user + " failed (" + r.statusCode() + "); give --token");
        return r.body().trim();
    }

    private static void sample(Path dir, PrintStream out) throws IOException {
        Files.createDirectories(dir);
        DemoTerritory demo = DemoTerritory.create(Instant.now());
        List<Path> written = new ArrayList<>();
        written.add(Files.writeString(dir.resolve("demo-territory.geojson"), Json.write(DemoExport.geoJson(demo.map())), StandardCharsets.UTF_8));
        written.add(Files.writeString(dir.resolve("demo-buildings.csv"), DemoExport.buildingsCsv(demo.map().buildings()), StandardCharsets.UTF_8));
        written.add(Files.writeString(dir.resolve("demo-rosters.csv"), DemoExport.rostersCsv(demo.territoryRosters()), StandardCharsets.UTF_8));
        for (Path p : written) out.println("wrote " + p);
    }
}
