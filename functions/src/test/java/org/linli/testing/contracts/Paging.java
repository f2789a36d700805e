package org.linli.testing.contracts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.linli.core.Page;

/** How the contracts walk a paged listing: page after page by the cursor, as a client does. */
final class Paging {
    private Paging() {}

    /** Every item, in order, of the pages {@code page} answers from the first (cursor null); each at most {@code limit} long. */
    static <T> List<T> all(int limit, Function<String, Page<T>> page) {
        List<T> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<T> p = page.apply(cursor);
            assertTrue(p.items().size() <= limit, "a page of " + p.items().size() + " for a limit of " + limit);
            seen.addAll(p.items());
            cursor = p.nextCursor();
        } while (cursor != null && ++pages < 10);
        return seen;
    }
}
