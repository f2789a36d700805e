package org.linli.hotline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.report.ReportIntake;
import org.linli.report.ReportReceived;
import org.linli.territory.AddressMatcher;
import org.linli.territory.Locator;
import org.linli.territory.MapPublisher;
import org.linli.territory.imports.ImportPart;
import org.linli.territory.imports.ImportProblem;
import org.linli.territory.imports.ProgressMeter;
import org.linli.territory.imports.Progress;
import org.linli.territory.imports.RowImport;
import org.linli.testing.CaseWorld;
import org.linli.testing.SmallTerritory;

/**
 * The day's 12345 export: each row checked as a pushed order, the good ones filed (an order
 * received before files nothing), a bad row a problem with its line and every reason, nothing
 * stored for it; Chinese headers and spreadsheet date-times read.
 */
class OrderImportTest {
    private final CaseWorld world = new CaseWorld();
    private OrderImport orders;
    private final List<Progress> progress = new ArrayList<>();

    @BeforeEach
    void setUp() {
        new MapPublisher(world.territory).publish(SmallTerritory.map(), "test");
        orders = new OrderImport(new HotlineIntake(new ReportIntake(world.table.reportStore, world.queue, world.clock),
                new Locator(world.territory), new AddressMatcher(world.territory)), world.categories);
    }

    private RowImport.Result run(String csv) {
        return orders.run(List.of(new ImportPart.Content(new ImportPart(ImportPart.Kind.ORDERS, 1), csv)),
                new ProgressMeter(world.clock, java.time.Duration.ZERO, 3, progress::add));
    }

    @Test
    void goodRowsAreFiledABadRowIsReportedWithItsLineAndAgainNothingIsFiled() {
        String csv = "工单编号,问题分类,诉求内容,来电人,联系电话,事发地址,纬度,经度,交办时限,紧急程度,受理时间\n"
                + "GD1001,城市管理/环境卫生,楼道堆放杂物,李强,+86 139 1234 5678,,37.85,113.56,2026-11-25 18:00,紧急,2026-11-23 09:00\n"
                + "GD1002,噪音扰民,夜间施工,,(0351) 1234567,,37.85,113.56,2026/11/26,,\n"
                + "GD1003,路灯损坏,路灯不亮,王五,call me maybe,,,,明天,,\n"
                + "GD1001,环境卫生,重复的一行,,,,37.85,113.56,,,\n";
        RowImport.Result r = run(csv);
        assertEquals(2, r.taken());
        assertEquals(0, r.takenBefore());
        assertEquals(2, r.problems().size(), r.problems().toString());
        ImportProblem bad = r.problems().get(0);
        assertEquals(4, bad.index(), "the file's line, header = 1");
        assertEquals("GD1003", bad.code());
        assertTrue(bad.message().contains("phone") && bad.message().contains("address") && bad.message().contains("deadline"), bad.message());
        assertEquals(ImportProblem.Kind.DUPLICATE_CODE, r.problems().get(1).problem());
        assertEquals(5, r.problems().get(1).index());
        assertEquals(2, world.queue.sent.size(), "nothing stored or sent for the bad rows");
        assertEquals(2, world.table.reports.size());
        ReportReceived first = world.queue.sent.get(0);
        assertEquals("GD1001", first.order().orderNo());
        assertEquals(java.time.Instant.parse("2026-11-25T10:00:00Z"), first.order().dueBy(), "Beijing time");
        assertTrue(first.order().urgent());
        assertEquals(java.time.Instant.parse("2026-11-26T15:59:59Z"), world.queue.sent.get(1).order().dueBy(), "a bare date: its end");
        assertTrue(progress.stream().anyMatch(p -> p.phase().equals("filing") && p.done() == 2 && p.total() == 2), progress.toString());

        RowImport.Result again = run(csv);
        assertEquals(0, again.taken());
        assertEquals(2, again.takenBefore());
        assertEquals(2, world.table.reports.size(), "an order is one case: nothing filed twice (intake re-sends a replay's message; assignment is idempotent)");
    }

    @Test
    void aMissingColumnIsOneProblemAndNothingIsFiled() {
        RowImport.Result r = run("工单编号,诉求内容\nGD1,x\n");
        assertEquals(0, r.taken());
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).message().contains("category"), r.problems().get(0).message());
        assertNull(world.queue.sent.isEmpty() ? null : "sent");
    }

    @Test
    void spreadsheetDateTimesBecomeBeijingTime() {
        assertEquals("2026-12-06T18:00:00+08:00", OrderImport.deadline("2026-12-06 18:00"));
        assertEquals("2026-12-06T08:05:09+08:00", OrderImport.deadline("2026/12/6 8:05:09"));
        assertEquals("2026-12-06T18:00:00+08:00", OrderImport.deadline("2026-12-06T18:00:00+08:00"), "ISO stays as it is");
    }
}
