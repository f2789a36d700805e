package org.linli.it;

import org.linli.local.LocalCloud;
import org.linli.tools.bench.Operations;

/**
 * Photos for tests about something else (a wish's completion, a case note): a photo already uploaded
 * and checked, recorded through the photo store - the state a write may name. PhotoEndToEndTest
 * covers the real way there (grant, form POST, validation).
 */
final class Photos {
    private Photos() {}

    /** The key of a VALIDATED photo owned by {@code ownerId}. */
    static String validated(LocalCloud cloud, String ownerId) {
        return Operations.validatedPhoto(cloud, ownerId);
    }

    /** {@code ["<key>"]}: a JSON array naming one new validated photo of {@code ownerId}. */
    static String keys(LocalCloud cloud, String ownerId) {
        return "[\"" + validated(cloud, ownerId) + "\"]";
    }
}
