package org.linli.territory.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.linli.core.format.NodeCode;
import org.linli.core.format.Phone;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.territory.BuildingRecord;
import org.linli.territory.Compound;
import org.linli.territory.Duty;
import org.linli.territory.Level;
import org.linli.territory.NodeRef;
import org.linli.territory.Roster;
import org.linli.territory.RosterMember;
import org.linli.territory.StaffRole;
import org.linli.territory.TerritoryMap;
import org.linli.territory.TerritoryNode;
import org.linli.territory.imports.ImportProblem.Kind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Checks a whole import and turns it into a {@link TerritoryMap} and rosters, or into one
 * {@link ImportProblem} per problem. Pure: no store, no clock. What it checks, in order:
 * duplicate codes; exactly one root; parents that exist and sit one level up (a compound under a
 * community or a grid); boundaries present for grids and micro-grids, valid (JTS IsValidOp:
 * self-intersections, holes outside shells…) and with an area; each boundary inside its nearest
 * ancestor's with a tolerance; siblings that overlap beyond a tolerance (area based, STRtree);
 * then the buildings and rosters CSV rows against the nodes. A feature whose own data is broken is
 * reported once: checks that depend on it are skipped rather than repeated as echoes.
 */
public final class TerritoryValidator {
    /** How the import is read and how strict it is. {@code scope} null: the importer may import anything. */
    public record Options(Datum fileDatum, Datum registryDatum, int cellPrecision, double overlapTolerance,
                          double outsideTolerance, double buildingToleranceMeters, Set<String> scope) {
        public static Options defaults(Datum fileDatum, int cellPrecision, Set<String> scope) {
            return new Options(fileDatum, Datum.GCJ02, cellPrecision, 0.01, 0.01, 30, scope);
        }
    }

    /** Either a map (and rosters) to publish, or the problems that refuse it. */
    public record Result(List<ImportProblem> problems, TerritoryMap map, List<Roster> rosters) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    static final List<String> BUILDING_COLUMNS = List.of("code", "name", "node", "lat", "lng");
    static final List<String> BUILDING_OPTIONAL = List.of("compound");
    static final List<String> ROSTER_COLUMNS = List.of("node", "userid", "name", "phone", "role", "duty");
    private static final java.util.regex.Pattern USER_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final double METRES_PER_DEGREE_LAT = 110_574;
    private static final double METRES_PER_DEGREE_LNG_AT_EQUATOR = 111_320;

    private final Options options;
    private final GeometryFactory factory;

    public TerritoryValidator(Options options, GeometryFactory factory) {
        this.options = options;
        this.factory = factory;
    }

    /** Reads the CSV of buildings: code,name,node,lat,lng[,compound]. */
    public static List<Csv.Row> buildingRows(String csv, List<ImportProblem> problems) {
        return Csv.read(csv, ImportProblem.BUILDINGS, BUILDING_COLUMNS, BUILDING_OPTIONAL, problems);
    }

    /** Reads the CSV of rosters: node,userId,name,phone,role,duty. */
    public static List<Csv.Row> rosterRows(String csv, List<ImportProblem> problems) {
        return Csv.read(csv, ImportProblem.ROSTERS, ROSTER_COLUMNS, List.of(), problems);
    }

    /**
     * Validates a territory with its buildings and rosters. {@code problems} holds what parsing
     * found already; the result's problems are those plus the new ones, in file order.
     */
    public Result validate(List<ImportedFeature> features, List<Csv.Row> buildings, List<Csv.Row> rosters,
                           List<ImportProblem> problems, ProgressMeter meter) {
        List<ImportProblem> out = new ArrayList<>(problems);
        // Three passes over the features (validity, containment, overlaps), then the CSV rows.
        meter.phase("validating", 3L * features.size() + buildings.size() + rosters.size(), "checks");
        Tree tree = new Tree(features, out);
        Map<String, Geometry> valid = validBoundaries(tree, out, meter);
        containment(tree, valid, out, meter);
        overlaps(tree, valid, out, meter);
        meter.advance(3L * (features.size() - tree.byCode.size())); // features without a usable code: nothing to check
        List<BuildingRecord> buildingRecords = buildings(buildings, tree, valid, out);
        meter.advance(buildings.size());
        Map<String, Level> levels = new HashMap<>();
        for (ImportedFeature f : tree.placed()) if (f.level() != null) levels.put(f.code(), f.level());
        List<Roster> rosterList = rosters(rosters, levels, out);
        meter.advance(rosters.size());
        if (!out.isEmpty()) return new Result(sorted(out), null, List.of());
        List<TerritoryNode> nodes = new ArrayList<>();
        List<Compound> compounds = new ArrayList<>();
        for (ImportedFeature f : tree.placed()) {
            if (f.compound()) compounds.add(new Compound(f.code(), f.name(), f.parent(), tree.path(f), f.boundary()));
            else nodes.add(new TerritoryNode(f.code(), f.name(), f.level(), f.kind(), f.parent(), tree.path(f), f.boundary()));
        }
        TerritoryMap map = new TerritoryMap(options.registryDatum(), options.cellPrecision(), tree.root.code(), nodes,
                buildingRecords, compounds);
        return new Result(List.of(), map, rosterList);
    }

    /** Validates rosters alone against the levels of the current map's nodes ({@code levels}: code → level). */
    public Result validateRosters(List<Csv.Row> rosters, Map<String, Level> levels, List<ImportProblem> problems) {
        List<ImportProblem> out = new ArrayList<>(problems);
        List<Roster> list = rosters(rosters, levels, out);
        return out.isEmpty() ? new Result(List.of(), null, list) : new Result(sorted(out), null, List.of());
    }

    private static List<ImportProblem> sorted(List<ImportProblem> problems) {
        List<String> order = List.of(ImportProblem.TERRITORY, ImportProblem.BUILDINGS, ImportProblem.ROSTERS);
        List<ImportProblem> s = new ArrayList<>(problems);
        s.sort(Comparator.comparing((ImportProblem p) -> order.indexOf(p.source())).thenComparingInt(ImportProblem::index));
        return s;
    }

    // ------------------------------------------------------------------ hierarchy

    /** Codes, the root, parent links and paths; reports duplicates and broken links. */
    private final class Tree {
        final Map<String, ImportedFeature> byCode = new LinkedHashMap<>();
        final Map<String, List<String>> paths = new HashMap<>();
        ImportedFeature root;

        Tree(List<ImportedFeature> features, List<ImportProblem> out) {
            List<ImportedFeature> roots = new ArrayList<>();
            for (ImportedFeature f : features) {
                if (f.code() == null) continue;
                ImportedFeature first = byCode.putIfAbsent(f.code(), f);
                if (first != null) {
                    out.add(ImportProblem.feature(f.index(), f.code(), Kind.DUPLICATE_CODE, "properties.code",
                            "code " + f.code() + " is already used by feature " + first.index()));
                } else if (f.parent() == null) {
                    roots.add(f);
                }
            }
            if (roots.isEmpty() && !byCode.isEmpty()) {
                out.add(ImportProblem.whole(ImportProblem.TERRITORY, Kind.ROOT,
                        "the territory has no root: exactly one feature (the city or district) must have no parent"));
            }
            for (ImportedFeature r : roots) {
                if (root == null && !r.compound()) {
                    root = r;
                } else if (r.compound()) {
                    out.add(ImportProblem.feature(r.index(), r.code(), Kind.ROOT, "properties.parent",
                            "a compound cannot be the root; give it its community or grid as parent"));
                } else {
                    out.add(ImportProblem.feature(r.index(), r.code(), Kind.ROOT, "properties.parent",
                            "has no parent, but feature " + root.index() + " (" + root.code()
                                    + ") is already the root; every other feature needs a parent"));
                }
            }
            if (root != null && options.scope() != null && !options.scope().contains(root.code())) {
                out.add(ImportProblem.feature(root.index(), root.code(), Kind.OUT_OF_SCOPE, "properties.code",
                        "the root " + root.code() + " is outside your territory scope " + new java.util.TreeSet<>(options.scope())));
            }
            for (ImportedFeature f : byCode.values()) link(f, out);
            if (root != null) paths.put(root.code(), List.of(root.code()));
            for (ImportedFeature f : byCode.values()) path(f);
        }

        private void link(ImportedFeature f, List<ImportProblem> out) {
            if (f.levelName() != null && f.kind().dedicated() && f.level() != Level.GRID) {
                out.add(ImportProblem.feature(f.index(), f.code(), Kind.INVALID_VALUE, "properties.kind",
                        "kind " + f.kind() + " is for grids only (a dedicated grid), not for a " + f.levelName()));
            }
            if (f.parent() == null) return;
            ImportedFeature p = byCode.get(f.parent());
            if (p == null) {
                out.add(ImportProblem.feature(f.index(), f.code(), Kind.UNKNOWN_PARENT, "properties.parent",
                        "parent " + f.parent() + " is not in this import"));
                return;
            }
            if (p.levelName() == null || f.levelName() == null) return; // unreadable level: reported already
            String expected = expectedParent(f);
            boolean fits = f.compound() ? (p.level() == Level.COMMUNITY || p.level() == Level.GRID)
                    : p.level() != null && p.level().depth() == f.level().depth() - 1;
            if (!fits) {
                out.add(ImportProblem.feature(f.index(), f.code(), Kind.WRONG_PARENT_LEVEL, "properties.parent",
                        expected + ", but " + p.code() + " is a " + p.levelName()));
            }
        }

        private String expectedParent(ImportedFeature f) {
            if (f.compound()) return "a compound's parent must be a COMMUNITY or a GRID";
            if (f.level().depth() == 0) return "a " + f.level() + " is the top level and has no parent";
            return "a " + f.level() + "'s parent must be a " + Level.values()[f.level().depth() - 1];
        }

        /** Root-to-node codes, or null when the chain to the root is broken anywhere. */
        List<String> path(ImportedFeature f) {
            if (paths.containsKey(f.code())) return paths.get(f.code());
            List<String> chain = new ArrayList<>();
            ImportedFeature at = f;
            List<String> known = null;
            while (at != null && chain.size() <= Level.values().length + 1) {
                if (paths.containsKey(at.code())) {
                    known = paths.get(at.code());
                    break;
                }
                if (!linkOk(at)) break;
                chain.add(at.code());
                at = byCode.get(at.parent());
            }
            List<String> result = null;
            if (known != null) {
                List<String> p = new ArrayList<>(known);
                for (int i = chain.size() - 1; i >= 0; i--) p.add(chain.get(i));
                result = List.copyOf(p);
            }
            paths.put(f.code(), result);
            return result;
        }

        private boolean linkOk(ImportedFeature f) {
            if (f.levelName() == null || f.parent() == null || (f.kind().dedicated() && f.level() != Level.GRID)) return false;
            ImportedFeature p = byCode.get(f.parent());
            if (p == null || p.levelName() == null || p.compound()) return false;
            return f.compound() ? (p.level() == Level.COMMUNITY || p.level() == Level.GRID) : p.level().depth() == f.level().depth() - 1;
        }

        /** Features whose whole chain to the root holds, in file order. */
        List<ImportedFeature> placed() {
            return byCode.values().stream().filter(f -> path(f) != null).toList();
        }

        ImportedFeature parentOf(ImportedFeature f) {
            return f.parent() == null ? null : byCode.get(f.parent());
        }
    }

    // ------------------------------------------------------------------ geometry

    private Map<String, Geometry> validBoundaries(Tree tree, List<ImportProblem> out, ProgressMeter meter) {
        Map<String, Geometry> valid = new HashMap<>();
        for (ImportedFeature f : tree.byCode.values()) {
            meter.advance(1);
            Geometry g = f.boundary();
            if (g == null) {
                if (!f.geometryBroken() && (f.level() == Level.GRID || f.level() == Level.MICRO_GRID)) {
                    out.add(ImportProblem.feature(f.index(), f.code(), Kind.MISSING_BOUNDARY, "geometry",
                            "a " + f.level() + " needs a boundary polygon, but its geometry is null"));
                }
                continue;
            }
            TopologyValidationError error = new IsValidOp(g).getValidationError();
            if (error != null) {
                boolean self = error.getErrorType() == TopologyValidationError.SELF_INTERSECTION
                        || error.getErrorType() == TopologyValidationError.RING_SELF_INTERSECTION;
                Coordinate at = error.getCoordinate();
                String where = at == null ? "" : String.format(Locale.ROOT, " at (%.6f, %.6f)", at.x, at.y);
                out.add(ImportProblem.feature(f.index(), f.code(), self ? Kind.SELF_INTERSECTION : Kind.INVALID_GEOMETRY,
                        "geometry", self ? "the boundary intersects itself" + where
                                : "the boundary is not a valid polygon: " + error.getMessage().toLowerCase(Locale.ROOT) + where));
                continue;
            }
            if (g.getArea() <= 0) {
                out.add(ImportProblem.feature(f.index(), f.code(), Kind.INVALID_GEOMETRY, "geometry", "the boundary has no area"));
                continue;
            }
            valid.put(f.code(), g);
        }
        return valid;
    }

    /** Each boundary inside its nearest ancestor that has one, with {@link Options#outsideTolerance}. */
    private void containment(Tree tree, Map<String, Geometry> valid, List<ImportProblem> out, ProgressMeter meter) {
        Map<String, PreparedGeometry> prepared = new HashMap<>();
        for (ImportedFeature f : tree.byCode.values()) {
            meter.advance(1);
            Geometry child = valid.get(f.code());
            if (child == null || tree.path(f) == null) continue;
            ImportedFeature ancestor = tree.parentOf(f);
            while (ancestor != null && ancestor.boundary() == null) ancestor = tree.parentOf(ancestor);
            if (ancestor == null) continue;
            Geometry parent = valid.get(ancestor.code());
            if (parent == null) continue; // its invalid boundary is reported on its own feature
            PreparedGeometry p = prepared.computeIfAbsent(ancestor.code(), c -> PreparedGeometryFactory.prepare(parent));
            if (p.covers(child)) continue;
            double outside;
            try {
                outside = child.difference(parent).getArea() / child.getArea();
            } catch (TopologyException e) {
                continue; // cannot be measured; the overlay is robust for valid polygons, so this is rare
            }
            if (outside > options.outsideTolerance()) {
                String whose = ancestor.code().equals(f.parent()) ? "its parent " : "its nearest ancestor with a boundary ";
                out.add(ImportProblem.feature(f.index(), f.code(), Kind.OUTSIDE_PARENT, "geometry",
                        String.format(Locale.ROOT, "lies outside %s%s: %s of its area is outside (tolerance %s)",
                                whose, ancestor.code(), percent(outside), percent(options.outsideTolerance()))));
            }
        }
    }

    /**
     * Siblings must not overlap beyond {@link Options#overlapTolerance} of the smaller one's area.
     * Regular grids, dedicated grids and compounds are compared within their own kind only: a
     * school's dedicated grid lies inside a regular grid by design and wins ties there.
     */
    private void overlaps(Tree tree, Map<String, Geometry> valid, List<ImportProblem> out, ProgressMeter meter) {
        Map<String, List<ImportedFeature>> groups = new LinkedHashMap<>();
        for (ImportedFeature f : tree.byCode.values()) {
            if (!valid.containsKey(f.code()) || tree.path(f) == null || f.parent() == null) continue;
            String family = f.compound() ? "C" : f.kind().dedicated() ? "D" : "R";
            groups.computeIfAbsent(f.parent() + "\u0000" + family, k -> new ArrayList<>()).add(f);
        }
        int grouped = 0;
        for (List<ImportedFeature> siblings : groups.values()) {
            meter.advance(siblings.size());
            grouped += siblings.size();
            if (siblings.size() < 2) continue;
            STRtree index = new STRtree();
            for (ImportedFeature f : siblings) index.insert(valid.get(f.code()).getEnvelopeInternal(), f);
            for (ImportedFeature a : siblings) {
                Geometry ga = valid.get(a.code());
                RelateNG relate = null;
                @SuppressWarnings("unchecked")
                List<ImportedFeature> near = index.query(ga.getEnvelopeInternal());
                for (ImportedFeature b : near) {
                    if (b.index() <= a.index()) continue; // each pair once, reported on the later feature
                    Geometry gb = valid.get(b.code());
                    if (relate == null) relate = RelateNG.prepare(ga);
                    if (!relate.evaluate(gb, "T********")) continue; // touching is fine: interiors apart
                    double shared;
                    try {
                        shared = ga.intersection(gb).getArea() / Math.min(ga.getArea(), gb.getArea());
                    } catch (TopologyException e) {
                        continue;
                    }
                    if (shared > options.overlapTolerance()) {
                        out.add(ImportProblem.feature(b.index(), b.code(), Kind.SIBLING_OVERLAP, "geometry",
                                String.format(Locale.ROOT, "overlaps its sibling %s (feature %d) by %s of the smaller one's area (tolerance %s)",
                                        a.code(), a.index(), percent(shared), percent(options.overlapTolerance()))));
                    }
                }
            }
        }
        meter.advance(tree.byCode.size() - grouped); // the root and features without a usable boundary
    }

    private static String percent(double ratio) {
        double pct = ratio * 100;
        String s = String.format(Locale.ROOT, pct >= 9.95 ? "%.0f" : "%.1f", pct);
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "%";
    }

    // ------------------------------------------------------------------ buildings

    private List<BuildingRecord> buildings(List<Csv.Row> rows, Tree tree, Map<String, Geometry> valid, List<ImportProblem> out) {
        List<BuildingRecord> records = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        for (Csv.Row row : rows) {
            int before = out.size();
            String code = row.get("code");
            String src = ImportProblem.BUILDINGS;
            if (code == null) {
                out.add(ImportProblem.line(src, row.line(), null, Kind.MISSING_FIELD, "code", "has no building code"));
            } else if (!NodeCode.valid(code)) {
                out.add(ImportProblem.line(src, row.line(), code, Kind.INVALID_VALUE, "code",
                        "code must be 1-64 letters, digits, '_' or '-', starting with a letter or digit"));
            } else if (lines.putIfAbsent(code, row.line()) != null) {
                out.add(ImportProblem.line(src, row.line(), code, Kind.DUPLICATE_CODE, "code",
                        "building code " + code + " is already on line " + lines.get(code)));
            }
            String name = row.get("name");
            if (name == null) out.add(ImportProblem.line(src, row.line(), code, Kind.MISSING_FIELD, "name", "has no name"));
            String nodeCode = row.get("node");
            ImportedFeature node = nodeCode == null ? null : tree.byCode.get(nodeCode);
            if (nodeCode == null) {
                out.add(ImportProblem.line(src, row.line(), code, Kind.MISSING_FIELD, "node", "has no grid or micro-grid code"));
            } else if (node == null) {
                out.add(ImportProblem.line(src, row.line(), code, Kind.UNKNOWN_NODE, "node", "node " + nodeCode + " is not in this import"));
            } else if (node.level() != Level.GRID && node.level() != Level.MICRO_GRID) {
                out.add(ImportProblem.line(src, row.line(), code, Kind.WRONG_NODE_LEVEL, "node",
                        "a building belongs to a GRID or a MICRO_GRID, but " + nodeCode + " is a " + node.levelName()));
                node = null;
            }
            String compound = row.get("compound");
            if (compound != null) {
                ImportedFeature c = tree.byCode.get(compound);
                if (c == null || !c.compound()) {
                    out.add(ImportProblem.line(src, row.line(), code, Kind.UNKNOWN_NODE, "compound",
                            "compound " + compound + " is not a COMPOUND of this import"));
                }
            }
            GeoPoint point = point(row, code, out);
            if (out.size() > before || node == null || tree.path(node) == null) continue;
            Geometry boundary = valid.get(node.code());
            if (boundary != null) {
                double metres = metresOutside(boundary, point);
                if (metres > options.buildingToleranceMeters()) {
                    out.add(ImportProblem.line(src, row.line(), code, Kind.OUTSIDE_NODE, "lat,lng", String.format(Locale.ROOT,
                            "lies %.0f m outside its %s %s (tolerance %.0f m)", metres,
                            node.level() == Level.GRID ? "grid" : "micro-grid", node.code(), options.buildingToleranceMeters())));
                    continue;
                }
            }
            ImportedFeature grid = node.level() == Level.GRID ? node : tree.parentOf(node);
            NodeRef micro = node.level() == Level.MICRO_GRID ? new NodeRef(node.code(), node.name(), Level.MICRO_GRID) : null;
            records.add(new BuildingRecord(code, name, new NodeRef(grid.code(), grid.name(), Level.GRID), micro, tree.path(node),
                    point.lat(), point.lng(), compound));
        }
        return records;
    }

    private GeoPoint point(Csv.Row row, String code, List<ImportProblem> out) {
        Double lat = number(row, "lat", code, out);
        Double lng = number(row, "lng", code, out);
        if (lat == null || lng == null) return null;
        if (!(lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180)) {
            out.add(ImportProblem.line(ImportProblem.BUILDINGS, row.line(), code, Kind.COORDINATE_OUT_OF_RANGE, "lat,lng",
                    "lat " + row.get("lat") + ", lng " + row.get("lng") + " is out of range (lat -90..90, lng -180..180)"));
            return null;
        }
        return new GeoPoint(lat, lng, options.fileDatum()).in(options.registryDatum());
    }

    private static Double number(Csv.Row row, String column, String code, List<ImportProblem> out) {
        String v = row.get(column);
        if (v == null) {
            out.add(ImportProblem.line(ImportProblem.BUILDINGS, row.line(), code, Kind.MISSING_FIELD, column, "has no " + column));
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) return d;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        out.add(ImportProblem.line(ImportProblem.BUILDINGS, row.line(), code, Kind.INVALID_VALUE, column, column + " '" + v + "' is not a number"));
        return null;
    }

    private double metresOutside(Geometry boundary, GeoPoint p) {
        Geometry pt = factory.createPoint(new Coordinate(p.lng(), p.lat()));
        if (boundary.covers(pt)) return 0;
        Coordinate[] nearest = DistanceOp.nearestPoints(boundary, pt);
        double dy = (nearest[0].y - nearest[1].y) * METRES_PER_DEGREE_LAT;
        double dx = (nearest[0].x - nearest[1].x) * METRES_PER_DEGREE_LNG_AT_EQUATOR * Math.cos(Math.toRadians(p.lat()));
        return Math.hypot(dx, dy);
    }

    // ------------------------------------------------------------------ rosters

    /**
     * Rosters by node, members in file order. {@code levels}: the level of every node the rows may
     * name. A node's roster is replaced as a whole by the rows that list it.
     */
    private List<Roster> rosters(List<Csv.Row> rows, Map<String, Level> levels, List<ImportProblem> out) {
        Map<String, List<RosterMember>> byNode = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        String src = ImportProblem.ROSTERS;
        for (Csv.Row row : rows) {
            int before = out.size();
            String node = row.get("node");
            String userId = row.get("userid");
            Level level = node == null ? null : levels.get(node);
            if (node == null) out.add(ImportProblem.line(src, row.line(), null, Kind.MISSING_FIELD, "node", "has no node code"));
            else if (level == null) out.add(ImportProblem.line(src, row.line(), node, Kind.UNKNOWN_NODE, "node", "node " + node + " is not in the map"));
            if (userId == null) out.add(ImportProblem.line(src, row.line(), node, Kind.MISSING_FIELD, "userId", "has no user id"));
            else if (!USER_ID.matcher(userId).matches()) {
                out.add(ImportProblem.line(src, row.line(), node, Kind.INVALID_VALUE, "userId", "user id must be 1-64 letters, digits, '_' or '-'"));
            }
            String name = row.get("name");
            if (name == null) out.add(ImportProblem.line(src, row.line(), node, Kind.MISSING_FIELD, "name", "has no name"));
            else if (name.length() > 50) out.add(ImportProblem.line(src, row.line(), node, Kind.INVALID_VALUE, "name", "name is longer than 50 characters"));
            String phone = row.get("phone");
            if (phone != null && !Phone.valid(phone)) {
                out.add(ImportProblem.line(src, row.line(), node, Kind.INVALID_VALUE, "phone",
                        "phone " + Phone.RULE));
            }
            StaffRole role = parse(StaffRole.class, row, "role", node, out);
            Duty duty = parse(Duty.class, row, "duty", node, out);
            if (role != null && level != null && !fits(role, level)) {
                out.add(ImportProblem.line(src, row.line(), node, Kind.WRONG_NODE_LEVEL, "role",
                        "a " + role + " is listed on " + where(role) + ", but " + node + " is a " + level));
            }
            if (node != null && userId != null) {
                Integer first = seen.putIfAbsent(node + "\u0000" + userId, row.line());
                if (first != null) {
                    out.add(ImportProblem.line(src, row.line(), node, Kind.DUPLICATE_MEMBER, "userId",
                            "user " + userId + " is already on " + node + "'s roster at line " + first));
                }
            }
            if (out.size() > before) continue;
            byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(new RosterMember(userId, name, phone, role, duty));
        }
        List<Roster> rosters = new ArrayList<>();
        byNode.forEach((node, members) -> rosters.add(new Roster(node, members)));
        return rosters;
    }

    private static boolean fits(StaffRole role, Level level) {
        return switch (role) {
            case GRID_WORKER -> level == Level.GRID;
            case MICRO_GRID_LEADER -> level == Level.MICRO_GRID;
            case DISPATCHER -> level.depth() <= Level.COMMUNITY.depth();
        };
    }

    private static String where(StaffRole role) {
        return switch (role) {
            case GRID_WORKER -> "a GRID";
            case MICRO_GRID_LEADER -> "a MICRO_GRID";
            case DISPATCHER -> "a COMMUNITY, STREET, DISTRICT or CITY";
        };
    }

    private static <E extends Enum<E>> E parse(Class<E> type, Csv.Row row, String column, String node, List<ImportProblem> out) {
        String v = row.get(column);
        if (v == null) {
            out.add(ImportProblem.line(ImportProblem.ROSTERS, row.line(), node, Kind.MISSING_FIELD, column, "has no " + column));
            return null;
        }
        try {
            return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            out.add(ImportProblem.line(ImportProblem.ROSTERS, row.line(), node, Kind.INVALID_VALUE, column,
                    column + " '" + v + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    /** Node codes a set of roster rows names: what a rosters-only import must look up. */
    public static Collection<String> rosterNodes(List<Csv.Row> rows) {
        java.util.Set<String> codes = new java.util.LinkedHashSet<>();
        for (Csv.Row r : rows) if (r.get("node") != null) codes.add(r.get("node"));
        return codes;
    }
}
