package org.linli.core;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal information for public views (PIPL): a name keeps its first character
 * ({@code 张三丰 → 张*}, one star whatever the length, so the length leaks nothing), a phone keeps
 * its prefix and last four digits ({@code 13812341234 → 138****1234}), and free text has every
 * phone or ID-card number - and the names of the people it is about - masked. Addresses are never shown publicly, so there is no
 * address mask: public views leave them out.
 *
 * <p>Free text is searched on a normalised copy ({@link Normalised}): NFKC (full-width and circled
 * digits become ASCII), other scripts' decimal digits as ASCII, format and invisible characters
 * (zero-width space and joiner, BOM, soft hyphen, variation selectors) dropped. A number may be
 * written in pieces joined by a few separators (spaces of any width, dots, dashes of every length,
 * middle dots, slashes): {@code 139.1234.5678}, {@code 139—1234—5678}, {@code 1 3 9 1 2 3 4 5 6 7 8};
 * a name may have separators or invisible characters between its characters ({@code 王\u200D芳},
 * {@code 王 芳}). What is found there is masked in the original text, the whole written span
 * replaced (issue 13 defect 1: ordinary Unicode walked past every regular expression).
 */
public final class Masking {
    private static final Pattern MOBILE = Pattern.compile("(1[3-9]\\d)(\\d{4})(\\d{4})");
    private static final Pattern LANDLINE = Pattern.compile("(0\\d{2,3})(-?)(\\d{3,4})(\\d{4})");
    private static final Pattern ID_CARD = Pattern.compile("(\\d{6})\\d{8}(\\d{3}[0-9Xx])");
    /** Characters that may join the pieces of a number or a name, after normalisation. */
    private static final String SEPARATOR = "[\\s\\p{Z}.\\-_/·・~\\u2010-\\u2015\\u2212\\u30FC\\uFF5E]";
    /** Pieces of a number: digit runs (an ID card's may end in X) joined by at most three separators. */
    private static final Pattern DIGIT_GROUP = Pattern.compile(
            "\\d+(?:[Xx](?![A-Za-z]))?(?:" + SEPARATOR + "{1,3}\\d+(?:[Xx](?![A-Za-z]))?)*");
    private static final Pattern PIECE = Pattern.compile("\\d+(?:[Xx](?![A-Za-z]))?");
    /** An ID card number, a mobile, a landline with area code: the longest a number to mask is. */
    private static final int LONGEST = 18;
    /** Eight or more digits written in one piece that are none of the above (QQ or account numbers). */
    private static final int LONG_DIGITS = 8;

    private Masking() {}

    /** {@code 张三 → 张*}; blank or null → null. The first character shown is the first visible one. */
    public static String name(String name) {
        if (name == null || name.isBlank()) return null;
        String trimmed = name.strip();
        for (int i = 0; i < trimmed.length(); ) {
            int cp = trimmed.codePointAt(i);
            if (!Characters.invisible(cp) && !Characters.blank(cp)) {
                return new String(Character.toChars(cp)) + "*";
            }
            i += Character.charCount(cp);
        }
        return "*";
    }

    /** {@code 13812341234 → 138****1234}, {@code 0353-7000010 → 0353-****0010}; anything else fully masked. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) return null;
        Matcher m = MOBILE.matcher(phone);
        if (m.matches()) return m.group(1) + "****" + m.group(3);
        m = LANDLINE.matcher(phone);
        if (m.matches()) return m.group(1) + m.group(2) + "****" + m.group(4);
        return "****";
    }

    /**
     * Free text with phone numbers, ID-card numbers and other long digit runs masked, and every
     * occurrence of the given names (the people the text is about) masked like {@link #name} -
     * however they are written (see the class comment).
     */
    public static String text(String text, String... names) {
        if (text == null) return null;
        Normalised n = Normalised.of(text);
        List<Span> spans = new ArrayList<>();
        for (String name : names) nameSpans(n, name, spans);
        numberSpans(n, spans);
        return apply(text, spans);
    }

    /** Replace {@code [start, end)} of the original text by {@code with}. */
    private record Span(int start, int end, String with) {}

    private static void nameSpans(Normalised n, String name, List<Span> out) {
        if (name == null) return;
        String key = Normalised.of(name).text().replaceAll(SEPARATOR, "");
        if (key.codePointCount(0, key.length()) < 2) return;
        StringBuilder p = new StringBuilder();
        key.codePoints().forEach(cp -> {
            if (p.length() > 0) p.append(SEPARATOR).append("{0,3}");
            p.append(Pattern.quote(new String(Character.toChars(cp))));
        });
        Matcher m = Pattern.compile(p.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(n.text());
        String masked = name(name);
        while (m.find()) out.add(new Span(n.start(m.start()), n.end(m.end() - 1), masked));
    }

    private static void numberSpans(Normalised n, List<Span> out) {
        Matcher group = DIGIT_GROUP.matcher(n.text());
        while (group.find()) {
            List<int[]> pieces = new ArrayList<>(); // [start, end) in the normalised text
            Matcher piece = PIECE.matcher(n.text()).region(group.start(), group.end());
            while (piece.find()) pieces.add(new int[] {piece.start(), piece.end()});
            for (int i = 0; i < pieces.size(); ) {
                int j = match(n.text(), pieces, i);
                if (j >= 0) {
                    out.add(new Span(n.start(pieces.get(i)[0]), n.end(pieces.get(j)[1] - 1), masked(n.text(), pieces, i, j)));
                    i = j + 1;
                    continue;
                }
                int[] one = pieces.get(i);
                if (digits(n.text(), pieces, i, i).length() >= LONG_DIGITS) out.add(new Span(n.start(one[0]), n.end(one[1] - 1), "****"));
                i++;
            }
        }
    }

    /** The last piece of the number to mask that starts at piece {@code i} (an ID card preferred), or -1. */
    private static int match(String text, List<int[]> pieces, int i) {
        int first = -1;
        for (int j = i; j < pieces.size(); j++) {
            String d = digits(text, pieces, i, j);
            if (d.length() > LONGEST) break;
            boolean x = d.indexOf('X') >= 0 || d.indexOf('x') >= 0;
            if (ID_CARD.matcher(d).matches()) return j;
            if (x && d.length() < LONGEST) break; // an X ends an ID card number and nothing else
            if (first < 0 && (MOBILE.matcher(d).matches() || LANDLINE.matcher(d).matches())) first = j;
        }
        return first;
    }

    private static String digits(String text, List<int[]> pieces, int i, int j) {
        StringBuilder d = new StringBuilder();
        for (int k = i; k <= j; k++) d.append(text, pieces.get(k)[0], pieces.get(k)[1]);
        return d.toString();
    }

    private static String masked(String text, List<int[]> pieces, int i, int j) {
        String d = digits(text, pieces, i, j);
        Matcher m = ID_CARD.matcher(d);
        if (m.matches()) return m.group(1) + "********" + m.group(2).toUpperCase(java.util.Locale.ROOT);
        m = MOBILE.matcher(d);
        if (m.matches()) return m.group(1) + "****" + m.group(3);
        m = LANDLINE.matcher(d);
        if (!m.matches()) return "****";
        // The area code as written when it stands alone (010 1234 5678), else as the pattern reads it.
        String first = digits(text, pieces, i, i);
        String area = j > i && first.length() >= 3 && first.length() <= 4 ? first : m.group(1);
        return area + (j > i ? "-" : "") + "****" + d.substring(d.length() - 4);
    }

    private static String apply(String text, List<Span> spans) {
        spans.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Span s : spans) {
            if (s.start() < at) continue; // inside a span already masked
            out.append(text, at, s.start()).append(s.with());
            at = s.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /**
     * A normalised copy of a text and, for each of its chars, the span of the original it came
     * from: NFKC per code point, decimal digits of any script as ASCII, invisible characters dropped.
     */
    public record Normalised(String text, int[] from, int[] to) {
        public static Normalised of(String original) {
            StringBuilder t = new StringBuilder(original.length());
            int[] from = new int[original.length() * 2 + 8];
            int[] to = new int[from.length];
            for (int i = 0; i < original.length(); ) {
                int cp = original.codePointAt(i);
                int next = i + Character.charCount(cp);
                if (!Characters.invisible(cp)) {
                    String s = Character.isDigit(cp) && cp > 0x7F && Character.digit(cp, 10) >= 0
                            ? String.valueOf((char) ('0' + Character.digit(cp, 10)))
                            : Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
                    for (int k = 0; k < s.length(); k++) {
                        if (t.length() == from.length) {
                            from = java.util.Arrays.copyOf(from, from.length * 2);
                            to = java.util.Arrays.copyOf(to, to.length * 2);
                        }
                        from[t.length()] = i;
                        to[t.length()] = next;
                        t.append(s.charAt(k));
                    }
                }
                i = next;
            }
            return new Normalised(t.toString(), from, to);
        }

        /** Where the normalised char at {@code i} starts in the original. */
        int start(int i) {
            return from[i];
        }

        /** Where the normalised char at {@code i} ends in the original. */
        int end(int i) {
            return to[i];
        }
    }
}
