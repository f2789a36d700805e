package org.linli.adapters.dynamo.photos;

import java.time.Instant;
import java.util.Map;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.core.Times;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key layout of the photos table: a photo's record ({@code PHOTO#<id>} / {@code PHOTO}); its owner's
 * index entry ({@code ownerpk} = {@code OWNER#<userId>}, {@code ownersk} = grant time and id: index
 * ByOwner, a user's photos for access requests and erasure); the upload rate-limit counters
 * ({@link TableKeys#quota}).
 */
public final class PhotosKeys {
    public static final String BY_OWNER = "ByOwner";
    public static final String OWNER_PK = "ownerpk";
    public static final String OWNER_SK = "ownersk";

    private PhotosKeys() {}

    public static Map<String, AttributeValue> photo(String photoId) {
        return TableKeys.key("PHOTO#" + photoId, "PHOTO");
    }

    static void owner(Map<String, AttributeValue> item, String ownerId, Instant at, String photoId) {
        item.put(OWNER_PK, Attr.s("OWNER#" + ownerId));
        item.put(OWNER_SK, Attr.s(Times.stored(at) + "#" + photoId));
    }

    public static String ownerPartition(String ownerId) {
        return "OWNER#" + ownerId;
    }
}
