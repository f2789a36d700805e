package org.linli.tools;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.identity.Role;
import org.linli.identity.UserAccount;
import org.linli.territory.Level;
import org.linli.territory.TerritoryNode;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.membership.MemberStore;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.MembershipStatus;

/**
 * Demo party-member volunteers for the volunteer service: two approved members in every demo
 * community ({@code volunteer-DEMO-W1-1}, {@code volunteer-DEMO-W1-2}, …) and one registration
 * waiting for review in 柳园社区 ({@code applicant-DEMO-W1}). Community staff are the demo
 * dispatchers ({@code dispatcher-DEMO-W1} is COMMUNITY_STAFF of DEMO-W1).
 */
public final class DemoVolunteers {
    private static final String[] NAMES = {"赵建国", "钱卫东", "孙红梅", "周立新", "吴志刚", "郑丽华", "冯国庆", "陈秀英"};
    private static final String[] ORGANISATIONS = {"市供电公司第一党支部", "市第一中学党总支", "区人民医院党委", "市税务局机关党支部"};

    private final Map<String, UserAccount> users = new LinkedHashMap<>();
    private final List<Membership> memberships = new ArrayList<>();

    private DemoVolunteers(DemoTerritory territory, Instant now) {
        int i = 0;
        for (TerritoryNode n : territory.map().nodes()) {
            if (n.level() != Level.COMMUNITY) continue;
            Community c = new Community(n.code(), n.name(), n.path());
            for (int k = 1; k <= 2; k++) add("volunteer-" + c.code() + "-" + k, NAMES[i++ % NAMES.length], c, MembershipStatus.APPROVED, now);
            if (c.code().equals("DEMO-W1")) add("applicant-DEMO-W1", "王建华", c, MembershipStatus.PENDING, now);
        }
    }

    public static DemoVolunteers create(DemoTerritory territory, Instant now) {
        return new DemoVolunteers(territory, now);
    }

    /** Demo users by handle, for the dev login. */
    public Map<String, UserAccount> users() {
        return users;
    }

    public List<Membership> memberships() {
        return memberships;
    }

    /** Stores the registrations (and approves the approved ones); a restart with a data dir changes nothing. */
    public void seed(MemberStore store) {
        for (Membership m : memberships) {
            Membership pending = m.decided(MembershipStatus.PENDING, null, null, null);
            if (store.register(pending).isEmpty() && m.status() == MembershipStatus.APPROVED) store.decide(m);
        }
    }

    private void add(String handle, String name, Community c, MembershipStatus status, Instant now) {
        Set<Role> roles = status == MembershipStatus.APPROVED ? EnumSet.of(Role.RESIDENT, Role.VOLUNTEER) : EnumSet.of(Role.RESIDENT);
        UserAccount u = new UserAccount(DemoTerritory.userId(handle), "o-demo-" + handle, null, name, roles, Set.of(), now);
        users.put(handle, u);
        int n = users.size();
        memberships.add(new Membership(u.id(), c, name, String.format("1370000%04d", n), List.of("助老", "维修"), "周末全天",
                ORGANISATIONS[n % ORGANISATIONS.length], status, now, status == MembershipStatus.APPROVED ? now : null,
                status == MembershipStatus.APPROVED ? DemoTerritory.userId("dispatcher-" + c.code()) : null, null, 0, 0));
    }
}
