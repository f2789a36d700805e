package org.linli.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void startsWithTheUtf8ByteOrderMarkAndEndsLinesWithCrLf() {
        String text = new Csv(List.of("单位名称", "受理量")).row(Arrays.asList("柳园社区", 12)).toText();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "Excel needs the BOM");
        assertEquals("\uFEFF单位名称,受理量\r\n柳园社区,12\r\n", text);
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksPerRfc4180() {
        String text = new Csv(List.of("a", "b", "c", "d")).row(List.of("x,y", "他说\"好\"", "一\n二", "plain")).toText();
        assertEquals("\uFEFFa,b,c,d\r\n\"x,y\",\"他说\"\"好\"\"\",\"一\n二\",plain\r\n", text);
    }

    @Test
    void textThatWouldRunAsAFormulaIsDefusedButNumbersAreNot() {
        String text = new Csv(List.of("n", "t", "u", "v")).row(Arrays.asList(-3, "=HYPERLINK(\"x\")", "+1", "@SUM(A1)")).toText();
        assertEquals("\uFEFFn,t,u,v\r\n-3,\"'=HYPERLINK(\"\"x\"\")\",'+1,'@SUM(A1)\r\n", text);
    }

    @Test
    void nullCellsAreEmpty() {
        assertTrue(new Csv(List.of("a", "b", "c")).row(Arrays.asList(null, "x", null)).toText().endsWith("\r\n,x,\r\n"));
    }
}
