package org.linli.registers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.territory.AddressMatcher;
import org.linli.territory.MapPublisher;
import org.linli.territory.imports.ImportJob;
import org.linli.territory.imports.ImportProblem;
import org.linli.territory.imports.ImportRunner;
import org.linli.territory.imports.ProgressMeter;
import org.linli.testing.InMemoryHouseholds;
import org.linli.testing.InMemoryTerritory;
import org.linli.testing.SmallTerritory;

/** A community's ledger: 500 households, five bad rows reported, the rest stored; a dry run stores nothing. */
class LedgerImportTest {
    private final java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2026-12-05T01:00:00Z"), ZoneOffset.UTC);
    private InMemoryHouseholds store;
    private LedgerImport ledger;

    @BeforeEach
    void setUp() {
        InMemoryTerritory territory = new InMemoryTerritory();
        new MapPublisher(territory).publish(SmallTerritory.map(), "test");
        store = new InMemoryHouseholds();
        Registers registers = new Registers(store, territory, CareCategories.defaults(), clock);
        ledger = new LedgerImport(registers, store, new AddressMatcher(territory), clock);
    }

    /** A valid ID number for person {@code n} (born 1950-1979). */
    static String id(int n) {
        String first17 = String.format("140302%04d0101%03d", 1950 + n % 30, n % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }

    /** 500 households of two residents each (1,000 rows); rows of households 10, 20, 30, 40, 50 are spoilt one way each. */
    static String ledger500() {
        StringBuilder csv = new StringBuilder("户号,楼栋,单元,房号,姓名,身份证号,电话,与户主关系,关怀类别\n");
        for (int h = 1; h <= 500; h++) {
            String building = h % 2 == 0 ? "B-G2-01" : "幸福小区5号楼";
            String headId = h == 10 ? id(h).substring(0, 17) + (id(h).charAt(17) == '0' ? '1' : '0') : id(h);
            String phone = h == 20 ? "12345" : String.format("139%08d", h);
            String care = h == 40 ? "外星人" : h % 3 == 0 ? "独居/空巢老人;残疾" : h % 5 == 0 ? "低保" : "";
            csv.append(h).append(",").append(h == 30 ? "幸福小区99号楼" : building).append(",1,").append(100 + h).append(",张").append(h).append(",").append(headId)
                    .append(",").append(phone).append(",户主,").append(care).append("\n");
            String memberId = h == 50 ? id(h) : id(h + 10_000); // household 50 repeats its head's number
            csv.append(h).append(",").append(building).append(",1,").append(100 + h).append(",李").append(h).append(",").append(memberId)
                    .append(",,配偶,\n");
        }
        return csv.toString();
    }

    @Test
    void fiveBadRowsAreReportedAndTheRestStored() {
        ImportRunner.LedgerImports.Result r = ledger.run(new ImportJob.Ledger("C1", false), ledger500(), ProgressMeter.silent());
        assertEquals(5, r.problems().size(), r.problems().toString());
        assertEquals(495, r.households());
        assertEquals(990, r.residents());
        assertEquals(495, store.size());
        List<String> fields = new ArrayList<>();
        for (ImportProblem p : r.problems()) {
            fields.add(p.field());
            // A problem names the line, the 户号 and the column - never the value.
            assertFalse(p.message().contains("140302"), p.message());
            assertFalse(p.message().matches(".*\\d{11}.*"), p.message());
            assertFalse(p.message().contains("张") || p.message().contains("外星人"), p.message());
        }
        assertEquals(List.of("身份证号", "电话", "楼栋", "关怀类别", "身份证号"), fields);
        Household six = store.find("C1", org.linli.core.Ids.derived("hh", "C1", "6")).orElseThrow();
        assertEquals(Set.of("ELDERLY_ALONE", "DISABLED"), six.care());
        assertEquals("B-G2-01", six.buildingCode());
        assertEquals(2, six.members().size());
        assertEquals("户主", six.members().get(0).relation());
    }

    @Test
    void aDryRunStoresNothingAndReportsTheSame() {
        ImportRunner.LedgerImports.Result r = ledger.run(new ImportJob.Ledger("C1", true), ledger500(), ProgressMeter.silent());
        assertEquals(5, r.problems().size());
        assertEquals(495, r.households());
        assertEquals(0, store.size());
        assertEquals(0, store.puts);
    }

    @Test
    void importingTheSameLedgerAgainReplaces() {
        ledger.run(new ImportJob.Ledger("C1", false), ledger500(), ProgressMeter.silent());
        ledger.run(new ImportJob.Ledger("C1", false), ledger500(), ProgressMeter.silent());
        assertEquals(495, store.size());
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsOneProblem() {
        ImportRunner.LedgerImports.Result r = ledger.run(new ImportJob.Ledger("C1", false), "户号,姓名\n1,张三\n", ProgressMeter.silent());
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).message().contains("身份证号"));
        assertEquals(0, store.size());
    }
}
