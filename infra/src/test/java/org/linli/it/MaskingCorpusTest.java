package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.linli.core.Masking;

/**
 * Issue 13 defect 1: masking is not bypassed by ordinary Unicode. A corpus of obfuscated phone
 * numbers, ID-card numbers and names ({@link #CORPUS}, shared with the integration test that sends
 * it through every masked view: MaskingIntegrationTest) goes through {@link Masking#text}; what comes out, read the way a
 * person reads it (width, separators and invisible characters ignored), holds none of the secrets.
 */
public class MaskingCorpusTest {
    /** The reporter's name the texts mention; the second is a bystander's name given as well. */
    public static final String NAME = "王芳";
    public static final String OTHER_NAME = "张建伟";
    /** Secrets, each with the part that must never be readable: the whole number and its hidden middle. */
    public static final String MOBILE = "13924685317";
    public static final String MOBILE_HIDDEN = "2468";
    public static final String LANDLINE = "03517306925";
    public static final String LANDLINE_HIDDEN = "730";
    public static final String ID_CARD = "14020219870615432X";
    public static final String ID_HIDDEN = "19870615";
    public static final String ID_CARD_DIGIT = "110105198203070019";
    public static final String ID_DIGIT_HIDDEN = "19820307";

    /** One obfuscated secret in a sentence, and which secret it is. */
    public record Sample(String text, String secret, String hidden) {}

    public static final List<Sample> CORPUS = corpus();

    private static final String ZWSP = "\u200B";
    private static final String ZWJ = "\u200D";
    private static final String ZWNJ = "\u200C";
    private static final String BOM = "\uFEFF";
    private static final String WJ = "\u2060";
    private static final String SHY = "\u00AD";

    private static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c == 'X' ? 'Ｘ' : (char) c));
        return b.toString();
    }

    private static String arabicIndic(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c >= '0' && c <= '9' ? (char) (c - '0' + '\u0660') : (char) c));
        return b.toString();
    }

    private static String every(String s, String sep) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(b.length() == 0 ? "" : sep).appendCodePoint(c));
        return b.toString();
    }

    /** 3-4-4 for a mobile, 4-7 for a landline, 6-8-4 for an ID card. */
    private static String split(String s, String sep) {
        if (s.length() == 11 && s.startsWith("1")) return s.substring(0, 3) + sep + s.substring(3, 7) + sep + s.substring(7);
        if (s.length() == 11) return s.substring(0, 4) + sep + s.substring(4);
        return s.substring(0, 6) + sep + s.substring(6, 14) + sep + s.substring(14);
    }

    private static List<Sample> corpus() {
        List<Function<String, String>> ways = List.of(
                s -> s,
                MaskingCorpusTest::fullWidth,
                MaskingCorpusTest::arabicIndic,
                s -> split(s, "."),
                s -> split(s, "—"),
                s -> split(s, "–"),
                s -> split(s, "-"),
                s -> split(s, " "),
                s -> split(s, "\u3000"),
                s -> split(s, "\u00A0"),
                s -> split(s, " - "),
                s -> split(s, "·"),
                s -> split(s, "／"),
                s -> split(s, ZWSP),
                s -> every(s, ZWSP),
                s -> every(s, " "),
                s -> every(s, ZWJ),
                s -> every(s, BOM),
                s -> every(s, WJ),
                s -> every(s, SHY),
                s -> fullWidth(split(s, "．")),
                s -> fullWidth(every(s, ZWNJ)),
                s -> split(fullWidth(s), "－"));
        List<Sample> out = new ArrayList<>();
        for (var way : ways) {
            out.add(new Sample("请联系我" + way.apply(MOBILE) + "，谢谢", MOBILE, MOBILE_HIDDEN));
            out.add(new Sample("身份证号" + way.apply(ID_CARD) + "。", ID_CARD, ID_HIDDEN));
        }
        for (var way : List.<Function<String, String>>of(s -> s, s -> split(s, "-"), s -> split(s, " "), MaskingCorpusTest::fullWidth,
                s -> every(s, ZWSP), s -> split(s, "—"))) {
            out.add(new Sample("座机" + way.apply(LANDLINE) + "找物业", LANDLINE, LANDLINE_HIDDEN));
            out.add(new Sample("证件" + way.apply(ID_CARD_DIGIT) + "已登记", ID_CARD_DIGIT, ID_DIGIT_HIDDEN));
        }
        out.add(new Sample("电话" + MOBILE + " 5号楼3单元", MOBILE, MOBILE_HIDDEN)); // a number followed by another
        out.add(new Sample("门牌12号 " + split(MOBILE, " ") + " 晚上打", MOBILE, MOBILE_HIDDEN)); // preceded by another
        for (String name : List.of(NAME, every(NAME, ZWJ), every(NAME, ZWSP), every(NAME, " "), every(NAME, "\u3000"), every(NAME, BOM),
                every(NAME, "·"), every(NAME, ZWNJ + ZWJ), every(NAME, "\u00A0"), every(NAME, SHY), NAME.charAt(0) + "\uFE00" + NAME.charAt(1))) {
            out.add(new Sample("我是" + name + "，楼道灯坏了", NAME, NAME));
        }
        for (String name : List.of(OTHER_NAME, every(OTHER_NAME, ZWJ), every(OTHER_NAME, " "), every(OTHER_NAME, "\u2060"))) {
            out.add(new Sample("找" + name + "帮忙", OTHER_NAME, OTHER_NAME));
        }
        return List.copyOf(out);
    }

    /** How a person reads text: NFKC, other scripts' digits as ASCII, and every separator and invisible character gone. */
    public static String readAsAPerson(String text) {
        StringBuilder b = new StringBuilder();
        Normalizer.normalize(text, Normalizer.Form.NFKC).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '*') b.appendCodePoint(Character.isDigit(c) ? '0' + Character.digit(c, 10) : c);
        });
        return b.toString().toUpperCase(java.util.Locale.ROOT);
    }

    /** The problem with {@code masked} as the public sees it, or null. */
    public static String leak(Sample s, String masked) {
        String read = readAsAPerson(masked);
        if (read.contains(s.secret().toUpperCase(java.util.Locale.ROOT))) return "shows " + s.secret();
        if (read.contains(s.hidden())) return "shows the hidden part " + s.hidden();
        return null;
    }

    @Test
    void everyObfuscatedNumberAndNameIsMasked() {
        assertTrue(CORPUS.size() >= 50, "corpus of " + CORPUS.size());
        List<String> leaks = new ArrayList<>();
        for (Sample s : CORPUS) {
            String masked = Masking.text(s.text(), NAME, OTHER_NAME);
            String leak = leak(s, masked);
            if (leak == null && !masked.contains("*")) leak = "masks nothing";
            if (leak != null) leaks.add(leak + ": " + visible(s.text()) + " -> " + visible(masked));
        }
        assertEquals(List.of(), leaks, leaks.size() + " of " + CORPUS.size() + " leak");
    }

    private static String visible(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.FORMAT || Character.isSpaceChar(c) && c != ' ') b.append(String.format("<U+%04X>", c));
            else b.appendCodePoint(c);
        });
        return b.toString();
    }
}
