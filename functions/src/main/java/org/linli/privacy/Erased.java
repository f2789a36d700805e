package org.linli.privacy;

import java.util.List;

/** What erasing or anonymising one item did: whether it happened, and the photos it named (to be erased too). */
public record Erased(boolean done, List<String> photoKeys) {
    public static final Erased NOTHING = new Erased(false, List.of());

    public Erased {
        photoKeys = List.copyOf(photoKeys);
    }
}
