package org.linli.organisations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.volunteer.points.MonthScore;

/** Hours per organisation: linked members' verified minutes of the period, each member counted once, for his current organisation. */
class ServiceHoursTest {
    private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");
    private final InMemoryOrganisationStore store = new InMemoryOrganisationStore();
    private final List<String> asked = new ArrayList<>();

    private Organisation org(String id, String name, OrganisationKind kind) {
        Organisation o = new Organisation(id, "C1", kind, name, new Contact("张三", "13812341234"), null, T, "usr_x", T, "usr_x", 1);
        store.register(o);
        return o;
    }

    private ServiceHours hours(List<MonthScore> board) {
        return new ServiceHours(store, (community, period, limit) -> {
            asked.add(community + " " + period + " " + limit);
            return board;
        });
    }

    @Test
    void sumsTheLinkedMembersMinutesPerOrganisationMostFirst() {
        org("org_A", "市供电公司", OrganisationKind.UNIT);
        org("org_B", "安居物业", OrganisationKind.PROPERTY_MANAGER);
        org("org_C", "红枫业委会", OrganisationKind.OWNERS_COMMITTEE);
        store.link(new MemberLink("C1", "usr_1", "org_A", T, "usr_x"));
        store.link(new MemberLink("C1", "usr_2", "org_A", T, "usr_x"));
        store.link(new MemberLink("C1", "usr_3", "org_B", T, "usr_x"));
        store.link(new MemberLink("C1", "usr_4", "org_B", T, "usr_x"));
        // usr_4 moves to org_C: his hours count there only
        store.link(new MemberLink("C1", "usr_4", "org_C", T, "usr_x"));
        List<MonthScore> board = List.of(new MonthScore("2026-11", "usr_1", "甲", 10, 120),
                new MonthScore("2026-11", "usr_2", "乙", 5, 30), new MonthScore("2026-11", "usr_3", "丙", 8, 90),
                new MonthScore("2026-11", "usr_4", "丁", 3, 45), new MonthScore("2026-11", "usr_9", "无单位", 20, 600));

        List<OrganisationHours> h = hours(board).of("C1", "2026-11");

        assertEquals(List.of(new OrganisationHours("org_A", "市供电公司", OrganisationKind.UNIT, 2, 2, 150),
                new OrganisationHours("org_B", "安居物业", OrganisationKind.PROPERTY_MANAGER, 1, 1, 90),
                new OrganisationHours("org_C", "红枫业委会", OrganisationKind.OWNERS_COMMITTEE, 1, 1, 45)), h);
        assertEquals(List.of("C1 2026-11 " + ServiceHours.BOARD_ROWS), asked);
    }

    @Test
    void anOrganisationWithoutServiceIsListedWithZeroAndACommunityWithoutOrganisationsReadsNoBoard() {
        assertEquals(List.of(), hours(List.of()).of("C1", "2026"));
        assertEquals(List.of(), asked, "no organisations: the board is not read");
        org("org_A", "社区志愿者协会", OrganisationKind.SOCIAL_ORGANISATION);
        store.link(new MemberLink("C1", "usr_1", "org_A", T, "usr_x"));
        assertEquals(List.of(new OrganisationHours("org_A", "社区志愿者协会", OrganisationKind.SOCIAL_ORGANISATION, 1, 0, 0)),
                hours(List.of()).of("C1", "2026"));
    }
}
