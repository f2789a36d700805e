package org.linli.territory.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    private final List<ImportProblem> problems = new ArrayList<>();

    private List<Csv.Row> read(String text) {
        return Csv.read(text, ImportProblem.ROSTERS, List.of("node", "userid", "name"), List.of("phone"), problems);
    }

    @Test
    void headersAreMatchedWhateverTheirCaseSpacingAndOrder() {
        List<Csv.Row> rows = read("\uFEFFName,User ID,NODE\r\n张三,u1,G1\r\n");
        assertEquals(List.of(), problems);
        assertEquals(1, rows.size());
        assertEquals("u1", rows.get(0).get("userid"));
        assertEquals("张三", rows.get(0).get("name"));
        assertEquals(2, rows.get(0).line());
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndLineNumbersRunOn() {
        List<Csv.Row> rows = read("node,userId,name\n\"G1\",\"u1\",\"李, \"\"强\"\"\nsecond line\"\n\nG2,u2,王芳\n");
        assertEquals(List.of(), problems);
        assertEquals("李, \"强\"\nsecond line", rows.get(0).get("name"));
        assertEquals(2, rows.get(0).line());
        assertEquals(5, rows.get(1).line(), "the quoted line break and the blank line count");
    }

    @Test
    void aMissingOrUnknownColumnIsOneProblemOnTheHeader() {
        assertTrue(read("node,user,name\nG1,u1,x\n").isEmpty());
        assertEquals(1, problems.size());
        assertEquals("rosters line 1: the header must name node,userid,name (optionally phone): missing column(s) userid; "
                + "unknown column(s) user", problems.get(0).message());
        assertEquals(ImportProblem.Kind.INVALID_FORMAT, problems.get(0).problem());
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsReportedWithItsLine() {
        List<Csv.Row> rows = read("node,userId,name\nG1,u1\nG2,u2,x\n");
        assertEquals(1, rows.size());
        assertEquals("rosters line 2: has 2 field(s) but the header has 3", problems.get(0).message());
        assertEquals(2, problems.get(0).index());
    }

    @Test
    void anEmptyFileNeedsItsHeader() {
        read("  \n");
        assertEquals(ImportProblem.Kind.INVALID_FORMAT, problems.get(0).problem());
    }

    @Test
    void malformedQuotingIsAProblemOnTheLineWhereTheRecordStartsAndNoRowIsRead() {
        assertTrue(read("node,userId,name\nG1,u1,x\nG2,\"u2\"x,y\nG3,u3,z\n").isEmpty());
        assertEquals(1, problems.size());
        assertEquals(3, problems.get(0).index());
        assertEquals("rosters line 3: is not valid CSV (text after a closing quote); quote a field that holds a comma,"
                + " a quote or a line break", problems.get(0).message());
        problems.clear();
        assertTrue(read("node,userId,name\n\nG1,u1,\"never closed\n").isEmpty());
        assertEquals(3, problems.get(0).index());
        assertTrue(problems.get(0).message().contains("a quoted field is never closed"), problems.get(0).message());
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsJustACharacterAndALoneCrEndsALine() {
        List<Csv.Row> rows = read("node,userId,name\rG1,u1,5\"2 楼\rG2,u2,y");
        assertEquals(List.of(), problems);
        assertEquals("5\"2 楼", rows.get(0).get("name"));
        assertEquals(3, rows.get(1).line());
    }
}
