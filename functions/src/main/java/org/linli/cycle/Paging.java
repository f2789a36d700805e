package org.linli.cycle;

import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.linli.core.Page;

/** Walks every page of a listing (a lookup's, not an audience's: those are bounded by the checkpoint). */
final class Paging {
    static final int PAGE = 100;

    private Paging() {}

    /** {@code read} takes (limit, cursor). */
    static <T> void each(BiFunction<Integer, String, Page<T>> read, Consumer<T> each) {
        String cursor = null;
        do {
            Page<T> page = read.apply(PAGE, cursor);
            page.items().forEach(each);
            cursor = page.nextCursor();
        } while (cursor != null);
    }
}
