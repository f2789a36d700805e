package org.linli.core;

/**
 * What a person sees of a text. Format characters (zero-width space and joiners, word joiner, BOM,
 * soft hyphen, bidi marks), variation selectors, the combining grapheme joiner and the Hangul
 * fillers take no room on a screen; with the blanks (spaces of any width, line and paragraph
 * separators) they are what a text may be made of and still look empty. Masking reads through
 * them; input checks refuse a name or description made only of them.
 */
public final class Characters {
    private Characters() {}

    public static boolean invisible(int cp) {
        return Character.getType(cp) == Character.FORMAT
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x034F
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0; // Hangul fillers: blank, not spaces
    }

    public static boolean blank(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /** Whether {@code s} holds at least one character that is neither invisible nor blank. */
    public static boolean anyVisible(String s) {
        return s.codePoints().anyMatch(cp -> !invisible(cp) && !blank(cp));
    }
}
