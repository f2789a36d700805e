package org.linli.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 13 defect 6: a name or description of nothing but invisible or blank characters was stored. */
class JsonInputTextTest {
    private static final List<String> NOTHING_VISIBLE = List.of("\u200B", "\u3000", "\uFEFF", "\u2028", "\u2029", "\u200B\u3000\uFEFF",
            "\u00A0", "\u200D\u200C", " \u2060 ", "\u3000\u3000\u200B", "\u00AD", "\u3164", "\u2028\u2029\u200B");

    @Test
    void textOfOnlyInvisibleOrBlankCharactersIsAFieldError() {
        for (JsonInput.TextRule rule : JsonInput.TextRule.values()) {
            for (String s : NOTHING_VISIBLE) {
                JsonInput in = JsonInput.root(Json.object().put("name", s), Set.of("name"));
                assertNull(in.requiredString("name", 1, 50, rule), rule + " " + escaped(s));
                assertEquals(1, in.errors().size(), rule + " " + escaped(s));
                assertEquals("name", in.errors().get(0).field());
                // The rule the Open311 form applies as well.
                assertNotNull(rule.problem(s), rule + " " + escaped(s));
            }
        }
    }

    @Test
    void visibleTextWithSuchCharactersInsideIsKept() {
        for (String s : List.of("王\u3000芳", "楼道\u200B堵塞", "a\u00A0b", "😀")) {
            JsonInput in = JsonInput.root(Json.object().put("name", s), Set.of("name"));
            assertEquals(s, in.requiredString("name", 1, 50, JsonInput.TextRule.MULTI_LINE), escaped(s));
        }
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(String.format("U+%04X ", c)));
        return b.toString();
    }
}
