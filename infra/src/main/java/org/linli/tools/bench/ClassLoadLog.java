package org.linli.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a cold start's time goes, as evidence: the classes a cold JVM loaded ({@code -Xlog:class+load},
 * written by the benchmark's {@code --classlog yes}), grouped by where they came from (a jar, the
 * JDK, Linli's classes, generated lambdas) and by package, for a function beside its bare-SDK
 * baseline. Each class loaded from a jar is read, verified and linked: the count is the cost.
 */
final class ClassLoadLog {
    private static final Pattern LINE = Pattern.compile("^\\[[^]]*] (\\S+) source: (.*)$");

    private ClassLoadLog() {}

    /** {@code ClassLoadLog FUNCTION.classes.log BASELINE.classes.log}: the comparison of two logs already written. */
    public static void main(String[] args) {
        System.out.println(compare(Path.of(args[0]).getFileName().toString(), Path.of(args[0]), Path.of(args[1]).getFileName().toString(),
                Path.of(args[1])));
    }

    /** Class counts by origin and by package: function, baseline and the difference, largest differences first. */
    static String compare(String function, Path functionLog, String baseline, Path baselineLog) {
        Map<String, Integer> fnBySource = new TreeMap<>();
        Map<String, Integer> fnByPackage = new TreeMap<>();
        Map<String, Integer> baseBySource = new TreeMap<>();
        Map<String, Integer> baseByPackage = new TreeMap<>();
        int fn = read(functionLog, fnBySource, fnByPackage);
        int base = read(baselineLog, baseBySource, baseByPackage);
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n### Classes loaded: %s %,d, its bare-SDK baseline (%s) %,d, difference %+,d%n%n", function, fn, baseline, base,
                fn - base));
        out.append(table("origin", fnBySource, baseBySource, 10));
        out.append('\n').append(table("package (3 levels; 5 for the SDK)", fnByPackage, baseByPackage, 15));
        return out.toString();
    }

    private static String table(String what, Map<String, Integer> fn, Map<String, Integer> base, int limit) {
        Map<String, Integer> all = new TreeMap<>(fn);
        base.forEach((k, v) -> all.putIfAbsent(k, 0));
        StringBuilder out = new StringBuilder("| " + what + " | function | baseline | difference |\n|---|---:|---:|---:|\n");
        all.keySet().stream()
                .sorted((a, b) -> Integer.compare(Math.abs(fn.getOrDefault(b, 0) - base.getOrDefault(b, 0)),
                        Math.abs(fn.getOrDefault(a, 0) - base.getOrDefault(a, 0))))
                .limit(limit)
                .forEach(k -> out.append(String.format("| %s | %,d | %,d | %+,d |%n", k, fn.getOrDefault(k, 0), base.getOrDefault(k, 0),
                        fn.getOrDefault(k, 0) - base.getOrDefault(k, 0))));
        return out.toString();
    }

    private static int read(Path log, Map<String, Integer> bySource, Map<String, Integer> byPackage) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException("no class log " + log, e);
        }
        int n = 0;
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) continue;
            n++;
            bySource.merge(origin(m.group(2)), 1, Integer::sum);
            byPackage.merge(pkg(m.group(1)), 1, Integer::sum);
        }
        return n;
    }

    /** A jar's name without its version, "JDK (CDS archive)", "JDK jrt:/module", "Linli classes", or how a class was defined. */
    static String origin(String source) {
        if (source.startsWith("shared objects file")) return "JDK (CDS archive)";
        if (source.startsWith("jrt:/")) return "JDK " + source;
        if (source.startsWith("file:")) {
            String path = source.substring("file:".length());
            if (path.endsWith("/")) return path.contains("/runner/") ? "bench runner" : "Linli classes";
            String name = path.substring(path.lastIndexOf('/') + 1);
            return name.replaceFirst("-\\d[\\w.\\-]*\\.jar$", "");
        }
        if (source.matches("[\\w.$]+")) return "lambdas and proxies (hidden classes)"; // the source is their host class
        return source.replaceFirst(" .*", ""); // __JVM_LookupDefineClass__, instance of a class loader, ...
    }

    /** The first three name parts (five for the AWS SDK, whose service and model packages matter). */
    static String pkg(String className) {
        String[] parts = className.split("\\.");
        int depth = className.startsWith("software.amazon.awssdk.") ? 5 : 3;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(depth, parts.length - 1); i++) out.append(i == 0 ? "" : ".").append(parts[i]);
        return out.toString();
    }
}
