package org.linli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void defaults() {
        Main.Options o = Main.parse(new String[0], null);
        assertEquals(3000, o.port());
        assertNull(o.dataDir());
        assertNull(o.template());
        assertTrue(o.seed());
        assertEquals(Map.of(), o.parameters());
    }

    @Test
    void environmentPortThenOptions() {
        assertEquals(4000, Main.parse(new String[0], "4000").port());
        Main.Options o = Main.parse(new String[] {"local", "--port", "0", "--data-dir", "d", "--template", "t.yaml",
                "--no-seed", "--param", "Stage=local", "--param", "X=a=b"}, "4000");
        assertEquals(0, o.port());
        assertEquals(Path.of("d"), o.dataDir());
        assertEquals(Path.of("t.yaml"), o.template());
        assertFalse(o.seed());
        assertEquals(Map.of("Stage", "local", "X", "a=b"), o.parameters());
    }

    @Test
    void mistakesAreReported() {
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"deploy"}, null));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--port"}, null));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--port", "70000"}, null));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--param", "novalue"}, null));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--verbose"}, null));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[0], "http"));
    }
}
