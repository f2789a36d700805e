package org.linli.tools;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.cases.Department;
import org.linli.core.Ids;
import org.linli.geo.Datum;
import org.linli.identity.Role;
import org.linli.identity.UserAccount;
import org.linli.territory.BuildingRecord;
import org.linli.territory.Compound;
import org.linli.territory.Duty;
import org.linli.territory.GridKind;
import org.linli.territory.Level;
import org.linli.territory.NodeRef;
import org.linli.territory.Roster;
import org.linli.territory.RosterMember;
import org.linli.territory.StaffRole;
import org.linli.territory.TerritoryMap;
import org.linli.territory.TerritoryNode;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A small fictional territory in GCJ-02 so that the local cloud works at once: 示范区 (DEMO) with
 * two streets, four communities (each with one compound 小区), twelve grids, a school's dedicated
 * grid, 24 micro-grids and 48 buildings, rosters that exercise every worker-choice rule, and demo users for each role.
 *
 * <pre>
 *  lat 37.880 ┌──────── 西城街道 DEMO-W ───────┬──────── 东城街道 DEMO-E ───────┐
 *             │  park strip: no community     │  park strip: no community     │  ← UNASSIGNED
 *  lat 37.872 ├── 桃源社区 DEMO-W2: G1 G2 G3 ──┼── 竹苑社区 DEMO-E2: G1 G2 G3 ──┤
 *  lat 37.856 ├── 柳园社区 DEMO-W1: G1 G2 G3 ──┼── 枫林社区 DEMO-E1: G1 G2 G3 ──┤
 *  lat 37.840 └───────────────────────────────┴───────────────────────────────┘
 *          lng 113.540                    113.570                          113.600
 * </pre>
 * Rules exercised: DEMO-W1-G2's worker is on leave (his backup takes cases); DEMO-E2-G3 has
 * nobody (the community dispatcher takes them); the park strips lie in a street but no grid; the
 * micro-grids of 柳园社区 DEMO-W1 have micro-grid leaders.
 */
public final class DemoTerritory {
    public static final String ROOT = "DEMO";
    private static final GeometryFactory GEO = new GeometryFactory();
    private static final String[][] COMMUNITIES = {
            {"DEMO-W1", "柳园社区", "柳园小区"}, {"DEMO-W2", "桃源社区", "桃源小区"},
            {"DEMO-E1", "枫林社区", "枫林小区"}, {"DEMO-E2", "竹苑社区", "竹苑小区"}};
    private static final String[] SURNAMES = {"李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"强", "敏", "伟", "芳", "军", "静", "磊", "洋", "勇", "艳", "杰", "娟"};

    private final List<TerritoryNode> nodes = new ArrayList<>();
    private final List<BuildingRecord> buildings = new ArrayList<>();
    private final List<Compound> compounds = new ArrayList<>();
    private final List<Roster> rosters = new ArrayList<>();
    private final Map<String, UserAccount> users = new LinkedHashMap<>();
    private final List<Department> departments = new ArrayList<>();
    private final Instant createdAt;

    private DemoTerritory(Instant createdAt) {
        this.createdAt = createdAt;
        build();
    }

    public static DemoTerritory create(Instant now) {
        return new DemoTerritory(now);
    }

    public TerritoryMap map() {
        return new TerritoryMap(Datum.GCJ02, 6, ROOT, nodes, buildings, compounds);
    }

    /**
     * The rosters of territory nodes only: what the territory import format carries. Departments'
     * rosters (see {@link #rosters()}) belong to the department registry, not to a map.
     */
    public List<Roster> territoryRosters() {
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (TerritoryNode n : nodes) codes.add(n.code());
        return rosters().stream().filter(r -> codes.contains(r.nodeCode())).toList();
    }

    public List<Roster> rosters() {
        return rosters;
    }

    /** Demo users by the handle the dev login takes (resident, worker-DEMO-W1-G1, ...). */
    public Map<String, UserAccount> users() {
        return users;
    }

    public static String userId(String handle) {
        return Ids.derived("usr", "demo", handle);
    }

    private void build() {
        node(ROOT, "示范区", Level.DISTRICT, GridKind.REGULAR, null, List.of(ROOT), box(113.540, 37.840, 113.600, 37.880));
        node("DEMO-W", "西城街道", Level.STREET, GridKind.REGULAR, ROOT, List.of(ROOT, "DEMO-W"), box(113.540, 37.840, 113.570, 37.880));
        node("DEMO-E", "东城街道", Level.STREET, GridKind.REGULAR, ROOT, List.of(ROOT, "DEMO-E"), box(113.570, 37.840, 113.600, 37.880));

        user("resident", "王芳", EnumSet.of(Role.RESIDENT), Set.of());
        user("resident2", "刘洋", EnumSet.of(Role.RESIDENT), Set.of());
        user("district", "区综治中心", EnumSet.of(Role.RESIDENT, Role.DISTRICT_STAFF), Set.of(ROOT));
        user("admin", "系统管理员", EnumSet.of(Role.RESIDENT, Role.ADMIN), Set.of());
        user("street-DEMO-W", "西城街道调度", EnumSet.of(Role.RESIDENT, Role.STREET_STAFF), Set.of("DEMO-W"));
        user("street-DEMO-E", "东城街道调度", EnumSet.of(Role.RESIDENT, Role.STREET_STAFF), Set.of("DEMO-E"));

        int person = 0;
        for (int c = 0; c < COMMUNITIES.length; c++) {
            String street = c < 2 ? "DEMO-W" : "DEMO-E";
            String code = COMMUNITIES[c][0];
            double west = c < 2 ? 113.540 : 113.570;
            double south = (c % 2 == 0) ? 37.840 : 37.856;
            List<String> cPath = List.of(ROOT, street, code);
            node(code, COMMUNITIES[c][1], Level.COMMUNITY, GridKind.REGULAR, street, cPath, box(west, south, west + 0.030, south + 0.016));
            // One residential compound (小区) per community: the building picker lists its buildings.
            String compound = code + "-X1";
            compounds.add(new Compound(compound, COMMUNITIES[c][2], code, append(cPath, compound), null));
            UserAccount dispatcher = user("dispatcher-" + code, COMMUNITIES[c][1] + "调度员",
                    EnumSet.of(Role.RESIDENT, Role.COMMUNITY_STAFF), Set.of(code));
            rosters.add(new Roster(code, List.of(member(dispatcher, "0353-70000" + (10 + c), StaffRole.DISPATCHER, Duty.ON_DUTY))));

            for (int g = 1; g <= 3; g++) {
                String grid = code + "-G" + g;
                double gWest = west + (g - 1) * 0.010;
                List<String> gPath = append(cPath, grid);
                node(grid, COMMUNITIES[c][1] + "第" + g + "网格", Level.GRID, GridKind.REGULAR, code, gPath,
                        box(gWest, south, gWest + 0.010, south + 0.016));
                rosters.add(gridRoster(grid, person));
                person += 2;
                for (int m = 1; m <= 2; m++) {
                    String micro = grid + "-M" + m;
                    double mSouth = south + (m - 1) * 0.008;
                    node(micro, "第" + g + "网格" + m + "号微网格", Level.MICRO_GRID, GridKind.REGULAR, grid, append(gPath, micro),
                            box(gWest, mSouth, gWest + 0.010, mSouth + 0.008));
                    if (code.equals("DEMO-W1")) { // 柳园社区's micro-grids have their leaders (微网格长) on the roster
                        UserAccount leader = user("leader-" + micro, name(100 + (g - 1) * 2 + m), EnumSet.of(Role.RESIDENT,
                                Role.MICRO_GRID_LEADER), Set.of(micro));
                        rosters.add(new Roster(micro, List.of(member(leader, String.format("137%08d", (g - 1) * 2 + m),
                                StaffRole.MICRO_GRID_LEADER, Duty.ON_DUTY))));
                    }
                    for (int b = 1; b <= 2; b++) {
                        int number = ((g - 1) * 2 + (m - 1)) * 2 + b;
                        double lng = gWest + (b == 1 ? 0.0025 : 0.0075);
                        double lat = mSouth + 0.004;
                        buildings.add(new BuildingRecord(micro + "-B" + b, COMMUNITIES[c][2] + number + "号楼",
                                new NodeRef(grid, COMMUNITIES[c][1] + "第" + g + "网格", Level.GRID),
                                new NodeRef(micro, "第" + g + "网格" + m + "号微网格", Level.MICRO_GRID),
                                append(gPath, micro), lat, lng, compound));
                    }
                }
            }
        }
        // A primary school inside 柳园社区第1网格: a dedicated grid (专属网格) with its own worker.
        node("DEMO-W1-S1", "实验小学专属网格", Level.GRID, GridKind.SCHOOL, "DEMO-W1", List.of(ROOT, "DEMO-W", "DEMO-W1", "DEMO-W1-S1"),
                box(113.542, 37.842, 113.546, 37.845));
        UserAccount schoolWorker = user("worker-DEMO-W1-S1", "周校安", EnumSet.of(Role.RESIDENT, Role.GRID_WORKER), Set.of("DEMO-W1-S1"));
        rosters.add(new Roster("DEMO-W1-S1", List.of(member(schoolWorker, "13900009999", StaffRole.GRID_WORKER, Duty.ON_DUTY))));
        levelsAboveTheCommunity();
    }

    /**
     * For the case workflow: the dispatchers of the streets and the district on their nodes'
     * rosters (escalations and queues notify them), and the district's functional departments,
     * each with one duty officer (DEPARTMENT_STAFF, scope = the department's code) on its roster.
     */
    private void levelsAboveTheCommunity() {
        rosters.add(new Roster("DEMO-W", List.of(member(users.get("street-DEMO-W"), "0353-7001001", StaffRole.DISPATCHER, Duty.ON_DUTY))));
        rosters.add(new Roster("DEMO-E", List.of(member(users.get("street-DEMO-E"), "0353-7001002", StaffRole.DISPATCHER, Duty.ON_DUTY))));
        rosters.add(new Roster(ROOT, List.of(member(users.get("district"), "0353-7000000", StaffRole.DISPATCHER, Duty.ON_DUTY))));
        String[][] departments = {
                {"DEMO-PS-W", "西城派出所", "police", "DEMO-W"}, {"DEMO-PS-E", "东城派出所", "police", "DEMO-E"},
                {"DEMO-SF-W", "西城司法所", "justice", "DEMO-W"}, {"DEMO-SF-E", "东城司法所", "justice", "DEMO-E"},
                {"DEMO-CG", "示范区城市管理局", "city_management", ROOT}, {"DEMO-ZJ", "示范区住房和城乡建设局", "housing", ROOT},
                {"DEMO-YJ", "示范区应急管理局", "emergency_management", ROOT}, {"DEMO-XF", "示范区消防救援大队", "fire_rescue", ROOT},
                {"DEMO-SJ", "示范区市场监督管理局", "market_supervision", ROOT}};
        for (int i = 0; i < departments.length; i++) {
            String[] d = departments[i];
            List<String> path = d[3].equals(ROOT) ? List.of(ROOT) : List.of(ROOT, d[3]);
            this.departments.add(new Department(d[0], d[1], d[2], d[3], path));
            UserAccount officer = user("dept-" + d[0], d[1] + "值班员", EnumSet.of(Role.RESIDENT, Role.DEPARTMENT_STAFF), Set.of(d[0]));
            rosters.add(new Roster(d[0], List.of(member(officer, String.format("0353-71%05d", i), StaffRole.DISPATCHER, Duty.ON_DUTY))));
        }
    }

    /** The functional departments (职能部门) of the demo district, for the department registry. */
    public List<Department> departments() {
        return departments;
    }

    private Roster gridRoster(String grid, int person) {
        List<RosterMember> members = new ArrayList<>();
        if (grid.equals("DEMO-E2-G3")) return new Roster(grid, members); // nobody: the dispatcher's
        UserAccount worker = user("worker-" + grid, name(person), EnumSet.of(Role.RESIDENT, Role.GRID_WORKER), Set.of(grid));
        UserAccount backup = user("backup-" + grid, name(person + 1), EnumSet.of(Role.RESIDENT, Role.GRID_WORKER), Set.of(grid));
        Duty duty = grid.equals("DEMO-W1-G2") ? Duty.ON_LEAVE : Duty.ON_DUTY;
        members.add(member(worker, String.format("139%08d", person), StaffRole.GRID_WORKER, duty));
        members.add(member(backup, String.format("139%08d", person + 1), StaffRole.GRID_WORKER, Duty.BACKUP));
        return new Roster(grid, members);
    }

    private static String name(int i) {
        return SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length + i * 5) % GIVEN.length];
    }

    private UserAccount user(String handle, String name, Set<Role> roles, Set<String> scope) {
        UserAccount u = new UserAccount(userId(handle), "o-demo-" + handle, null, name, roles, scope, createdAt);
        users.put(handle, u);
        return u;
    }

    private static RosterMember member(UserAccount u, String phone, StaffRole role, Duty duty) {
        return new RosterMember(u.id(), u.displayName(), phone, role, duty);
    }

    private void node(String code, String name, Level level, GridKind kind, String parent, List<String> path, Geometry boundary) {
        nodes.add(new TerritoryNode(code, name, level, kind, parent, path, boundary));
    }

    private static List<String> append(List<String> path, String code) {
        List<String> out = new ArrayList<>(path);
        out.add(code);
        return List.copyOf(out);
    }

    private static Geometry box(double minLng, double minLat, double maxLng, double maxLat) {
        return GEO.toGeometry(new Envelope(minLng, maxLng, minLat, maxLat));
    }
}
