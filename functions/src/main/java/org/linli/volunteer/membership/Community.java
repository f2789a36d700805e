package org.linli.volunteer.membership;

import java.util.List;

/** A community (社区/村) of the current map: its code, name and territory path from the root down. */
public record Community(String code, String name, List<String> path) {
    public Community {
        path = List.copyOf(path);
    }
}
