package org.linli.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds template.yaml: system property {@code linli.template}, else the nearest one above the working directory. */
public final class TemplateLocator {
    public static final String PROPERTY = "linli.template";

    private TemplateLocator() {}

    public static Path find() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isRegularFile(p)) throw new IllegalStateException("-D" + PROPERTY + "=" + configured + ": no such file");
            return p;
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IllegalStateException("no template.yaml in " + start + " or above; pass --template or -D" + PROPERTY);
    }
}
