package org.linli.local.cloud;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * DynamoDB Local stores tables in SQLite through sqlite4java, which loads a native library from
 * {@code sqlite4java.library.path} under a fixed name ({@code libsqlite4java-linux-amd64.so}).
 * Maven delivers those libraries as versioned artifacts ({@code ...-1.0.392.so}) on the classpath,
 * so they are copied once per JVM into a temporary directory under the names sqlite4java expects.
 */
final class SqliteNatives {
    private static final String PROPERTY = "sqlite4java.library.path";
    /** libsqlite4java-linux-amd64-1.0.392.so -> libsqlite4java-linux-amd64.so */
    private static final Pattern VERSIONED = Pattern.compile("^((?:lib)?sqlite4java-[a-z0-9-]+?)-\\d+(?:\\.\\d+)*\\.(so|dylib|dll)$");

    private SqliteNatives() {}

    static synchronized void install() {
        String current = System.getProperty(PROPERTY);
        if (current != null && Files.isDirectory(Path.of(current))) return;
        List<Path> libraries = fromClasspath();
        if (libraries.isEmpty()) libraries = fromLocalRepository();
        if (libraries.isEmpty()) {
            throw new IllegalStateException("sqlite4java native libraries (libsqlite4java-linux-amd64-*.so) are neither"
                    + " on the classpath nor in ~/.m2/repository/com/almworks/sqlite4java: DynamoDB Local cannot start");
        }
        try {
            Path dir = Files.createTempDirectory("linli-sqlite4java");
            dir.toFile().deleteOnExit();
            for (Path library : libraries) {
                Matcher m = VERSIONED.matcher(library.getFileName().toString());
                if (!m.matches()) continue;
                Path target = dir.resolve(m.group(1) + "." + m.group(2));
                Files.copy(library, target, StandardCopyOption.REPLACE_EXISTING);
                target.toFile().deleteOnExit();
            }
            System.setProperty(PROPERTY, dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the sqlite4java native libraries", e);
        }
    }

    private static List<Path> fromClasspath() {
        List<Path> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (VERSIONED.matcher(p.getFileName() == null ? "" : p.getFileName().toString()).matches() && Files.isRegularFile(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<Path> fromLocalRepository() {
        Path repo = Path.of(System.getProperty("user.home"), ".m2", "repository", "com", "almworks", "sqlite4java");
        if (!Files.isDirectory(repo)) return List.of();
        try (Stream<Path> files = Files.walk(repo)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> VERSIONED.matcher(p.getFileName().toString()).matches())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
