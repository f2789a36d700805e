package org.linli.notify;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {name}} placeholders from a message's values. Values are kept raw (ISO dates
 * {@code 2026-11-25}, months {@code 2026-11}, counts) and written the way residents read them
 * ({@code 2026年11月25日}, {@code 2026年11月}) - in the inbox and in WeChat alike.
 */
public final class Texts {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private Texts() {}

    /** The placeholders a template uses. */
    public static Set<String> placeholders(String template) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** The template with each placeholder replaced; a value the message lacks becomes empty. */
    public static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(readable(values.get(m.group(1)))));
        m.appendTail(out);
        return out.toString();
    }

    static String readable(String raw) {
        if (raw == null) return "";
        if (DATE.matcher(raw).matches()) {
            LocalDate d = LocalDate.parse(raw);
            return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        }
        if (MONTH.matcher(raw).matches()) {
            YearMonth m = YearMonth.parse(raw);
            return m.getYear() + "年" + m.getMonthValue() + "月";
        }
        return raw;
    }
}
