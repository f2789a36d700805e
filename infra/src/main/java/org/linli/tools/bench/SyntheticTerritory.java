package org.linli.tools.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.json.Json;
import org.linli.territory.GridKind;
import org.linli.territory.imports.GeoJsonTerritory;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * A fictional city of {@code n} micro-grids at constant density, in the import format: micro-grids
 * of 0.001° × 0.0008° (about 88 m × 89 m at 37° N, 30-50 households) laid out row by row in a
 * square; a grid is 3 × 3 micro-grids, a community 3 × 3 grids, a street 4 × 4 communities, a
 * district 4 × 4 streets, under one city. Every full community has a school's dedicated grid (on
 * its centre micro-grid) and a compound holding one building per micro-grid. Rosters: two grid
 * workers per grid (every tenth on leave, so his backup takes over), a leader per micro-grid, a
 * dispatcher per community. Whatever {@code n}, a point's neighbourhood looks the same: that is
 * what "constant cost" is measured against.
 */
public final class SyntheticTerritory {
    static final double LNG0 = 112.0;
    static final double LAT0 = 37.0;
    static final double D_LNG = 0.001;
    static final double D_LAT = 0.0008;
    static final String ROOT = "BX";

    private final int n;
    private final int width;
    private final GeometryFactory geo = new GeometryFactory();
    /** Each community's lower-left micro-grid (col, row), filled while writing. */
    private final Map<String, int[]> communityOrigin = new LinkedHashMap<>();

    public SyntheticTerritory(int n) {
        if (n < 1) throw new IllegalArgumentException("n >= 1");
        this.n = n;
        this.width = (int) Math.ceil(Math.sqrt(n));
    }

    /** The files written by {@link #write}. */
    public record Files3(Path territory, Path buildings, Path rosters, int features, int buildingCount, int rosterRows) {}

    // ------------------------------------------------------------------ codes

    private String district(int col, int row) {
        int across = (width + 143) / 144;
        return String.format(Locale.ROOT, "%s-%02d", ROOT, (row / 144) * across + col / 144 + 1);
    }

    private String street(int col, int row) {
        return String.format(Locale.ROOT, "%s-%02d", district(col, row), ((row / 36) % 4) * 4 + (col / 36) % 4 + 1);
    }

    private String community(int col, int row) {
        return String.format(Locale.ROOT, "%s-%02d", street(col, row), ((row / 9) % 4) * 4 + (col / 9) % 4 + 1);
    }

    private String grid(int col, int row) {
        return community(col, row) + "-" + (((row / 3) % 3) * 3 + (col / 3) % 3 + 1);
    }

    private String micro(int col, int row) {
        return grid(col, row) + "-" + ((row % 3) * 3 + col % 3 + 1);
    }

    private boolean exists(int col, int row) {
        return col >= 0 && col < width && row >= 0 && (long) row * width + col < n;
    }

    /** A community is full when all its 81 micro-grids exist: only those get a school and a compound. */
    private boolean fullCommunity(int col, int row) {
        int c0 = col / 9 * 9;
        int r0 = row / 9 * 9;
        return exists(c0 + 8, r0 + 8) && c0 + 8 < width;
    }

    private Geometry box(int col, int row) {
        return geo.toGeometry(new Envelope(LNG0 + col * D_LNG, LNG0 + (col + 1) * D_LNG, LAT0 + row * D_LAT, LAT0 + (row + 1) * D_LAT));
    }

    // ------------------------------------------------------------------ placement truth

    /** A uniformly random point on the drawn territory (GCJ-02). */
    public GeoPoint randomPoint(Random random) {
        int i = random.nextInt(n);
        int col = i % width;
        int row = i / width;
        return new GeoPoint(LAT0 + (row + random.nextDouble()) * D_LAT, LNG0 + (col + random.nextDouble()) * D_LNG, Datum.GCJ02);
    }

    /** The grid a point must land on, by arithmetic: the school's on its centre micro-grid, else the regular one. */
    public String expectedGrid(GeoPoint p) {
        int col = (int) Math.floor((p.lng() - LNG0) / D_LNG);
        int row = (int) Math.floor((p.lat() - LAT0) / D_LAT);
        if (col % 9 == 4 && row % 9 == 4 && fullCommunity(col, row)) return community(col, row) + "-S";
        return grid(col, row);
    }

    // ------------------------------------------------------------------ writing

    /** Writes territory.geojson, buildings.csv and rosters.csv into {@code dir}. */
    public Files3 write(Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        // Children by parent, built bottom-up: micro-grids, then unions for each level above.
        Map<String, List<Geometry>> gridParts = new LinkedHashMap<>();
        Map<String, String> parentOf = new LinkedHashMap<>();
        List<String[]> micros = new ArrayList<>(); // code, grid, col, row
        for (int i = 0; i < n; i++) {
            int col = i % width;
            int row = i / width;
            String g = grid(col, row);
            String m = micro(col, row);
            micros.add(new String[] {m, g, Integer.toString(col), Integer.toString(row)});
            gridParts.computeIfAbsent(g, k -> new ArrayList<>()).add(box(col, row));
            parentOf.put(g, community(col, row));
            communityOrigin.putIfAbsent(community(col, row), new int[] {col / 9 * 9, row / 9 * 9});
            parentOf.put(community(col, row), street(col, row));
            parentOf.put(street(col, row), district(col, row));
            parentOf.put(district(col, row), ROOT);
        }
        Map<String, Geometry> shapes = new LinkedHashMap<>();
        gridParts.forEach((g, parts) -> shapes.put(g, union(parts)));
        for (String level : new String[] {"COMMUNITY", "STREET", "DISTRICT", "CITY"}) {
            Map<String, List<Geometry>> parts = new LinkedHashMap<>();
            for (Map.Entry<String, Geometry> e : List.copyOf(shapes.entrySet())) {
                String parent = parentOf.getOrDefault(e.getKey(), null);
                if (parent == null || shapes.containsKey(parent) || depth(e.getKey()) != depthOf(level) + 1) continue;
                parts.computeIfAbsent(parent, k -> new ArrayList<>()).add(e.getValue());
            }
            parts.forEach((p, list) -> shapes.put(p, union(list)));
        }

        Path territory = dir.resolve("territory.geojson");
        ObjectMapper mapper = Json.mapper();
        int features = 0;
        try (JsonGenerator out = mapper.getFactory().createGenerator(territory.toFile(), JsonEncoding.UTF8)) {
            out.writeStartObject();
            out.writeStringField("type", "FeatureCollection");
            out.writeArrayFieldStart("features");
            // Top-down: the city, districts, streets, communities (with school and compound), grids, micro-grids.
            List<String> order = new ArrayList<>(shapes.keySet());
            order.sort(java.util.Comparator.comparingInt(SyntheticTerritory::depth).thenComparing(c -> c));
            for (String code : order) {
                int d = depth(code);
                String level = new String[] {"CITY", "DISTRICT", "STREET", "COMMUNITY", "GRID"}[d];
                mapper.writeTree(out, GeoJsonTerritory.feature(code, name(level, code), level, GridKind.REGULAR,
                        d == 0 ? null : parentOf.get(code), shapes.get(code)));
                features++;
                if (d == 3 && schoolOf(code) != null) {
                    int[] cr = schoolOf(code);
                    mapper.writeTree(out, GeoJsonTerritory.feature(code + "-S", "实验小学专属网格" + code, "GRID", GridKind.SCHOOL, code,
                            box(cr[0], cr[1])));
                    mapper.writeTree(out, GeoJsonTerritory.feature(code + "-X", "幸福小区" + code, GeoJsonTerritory.COMPOUND,
                            GridKind.REGULAR, code, null));
                    features += 2;
                }
            }
            for (String[] m : micros) {
                mapper.writeTree(out, GeoJsonTerritory.feature(m[0], "微网格" + m[0], "MICRO_GRID", GridKind.REGULAR, m[1],
                        box(Integer.parseInt(m[2]), Integer.parseInt(m[3]))));
                features++;
            }
            out.writeEndArray();
            out.writeEndObject();
        }

        Path buildings = dir.resolve("buildings.csv");
        try (BufferedWriter w = java.nio.file.Files.newBufferedWriter(buildings, StandardCharsets.UTF_8)) {
            w.write("code,name,node,lat,lng,compound\n");
            for (String[] m : micros) {
                int col = Integer.parseInt(m[2]);
                int row = Integer.parseInt(m[3]);
                String compound = fullCommunity(col, row) ? community(col, row) + "-X" : "";
                w.write(String.format(Locale.ROOT, "%s-B,%d号楼,%s,%.7f,%.7f,%s%n", m[0], (row % 9) * 9 + col % 9 + 1, m[0],
                        LAT0 + (row + 0.5) * D_LAT, LNG0 + (col + 0.5) * D_LNG, compound));
            }
        }

        Path rosters = dir.resolve("rosters.csv");
        int rows = 0;
        try (BufferedWriter w = java.nio.file.Files.newBufferedWriter(rosters, StandardCharsets.UTF_8)) {
            w.write("node,userId,name,phone,role,duty\n");
            int person = 0;
            for (String code : shapes.keySet()) {
                int d = depth(code);
                if (d == 4) {
                    boolean leave = person % 10 == 0;
                    w.write(member(code, ++person, "GRID_WORKER", leave ? "ON_LEAVE" : "ON_DUTY"));
                    w.write(member(code, ++person, "GRID_WORKER", "BACKUP"));
                    rows += 2;
                } else if (d == 3) {
                    w.write(member(code, ++person, "DISPATCHER", "ON_DUTY"));
                    rows++;
                    if (schoolOf(code) != null) {
                        w.write(member(code + "-S", ++person, "GRID_WORKER", "ON_DUTY"));
                        rows++;
                    }
                }
            }
            for (String[] m : micros) {
                w.write(member(m[0], ++person, "MICRO_GRID_LEADER", "ON_DUTY"));
                rows++;
            }
        }
        return new Files3(territory, buildings, rosters, features, micros.size(), rows);
    }

    private static String member(String node, int person, String role, String duty) {
        return String.format(Locale.ROOT, "%s,u%07d,员工%d,139%08d,%s,%s%n", node, person, person, person, role, duty);
    }

    /** The centre micro-grid of a full community (col, row), or null. */
    private int[] schoolOf(String communityCode) {
        int[] o = communityOrigin.get(communityCode);
        return o != null && fullCommunity(o[0], o[1]) ? new int[] {o[0] + 4, o[1] + 4} : null;
    }

    private Geometry union(List<Geometry> parts) {
        // Merging squares leaves a vertex at every junction along straight edges; drop them.
        return DouglasPeuckerSimplifier.simplify(UnaryUnionOp.union(parts), 1e-9);
    }

    /** Depth of a code by its dashes: BX (0), BX-01 (1), BX-01-02 (2), community (3), grid (4). */
    private static int depth(String code) {
        return (int) code.chars().filter(c -> c == '-').count();
    }

    private static int depthOf(String level) {
        return List.of("CITY", "DISTRICT", "STREET", "COMMUNITY", "GRID").indexOf(level);
    }

    private static String name(String level, String code) {
        return switch (level) {
            case "CITY" -> "基准市";
            case "DISTRICT" -> "第" + code.substring(code.lastIndexOf('-') + 1) + "区";
            case "STREET" -> "第" + code.substring(code.lastIndexOf('-') + 1) + "街道";
            case "COMMUNITY" -> "第" + code.substring(code.lastIndexOf('-') + 1) + "社区";
            default -> "第" + code.substring(code.lastIndexOf('-') + 1) + "网格";
        };
    }
}
