package org.linli.adapters.dynamo.photos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.BatchGets;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.PutIfAbsent;
import org.linli.core.Conflict;
import org.linli.core.RateLimit;
import org.linli.core.StoreUnavailable;
import org.linli.photos.ImageType;
import org.linli.photos.Photo;
import org.linli.photos.PhotoState;
import org.linli.photos.PhotoStore;
import org.linli.photos.Purpose;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Photo records on PhotosTable. A grant is one write (with its rate-limit count: one transaction);
 * a check one conditional update (GRANTED → VALIDATED/REFUSED). A grant never checked is removed by
 * the table's TTL two days later (its upload expired after one); validation removes the expiry.
 */
public final class DynamoPhotoStore implements PhotoStore {
    private static final Duration UNCHECKED_KEPT = Duration.ofDays(2);
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPhotoStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void insertGrant(Photo p, RateLimit.Charge charge) {
        Map<String, AttributeValue> item = new HashMap<>(PhotosKeys.photo(p.id()));
        item.put("photoId", Attr.s(p.id()));
        item.put("ownerId", Attr.s(p.ownerId()));
        item.put("purpose", Attr.s(p.purpose().name()));
        item.put("contentType", Attr.s(p.contentType().name()));
        item.put("size", Attr.n(p.size()));
        item.put("state", Attr.s(p.state().name()));
        Attr.put(item, "grantedAt", p.grantedAt());
        item.put("expiresAt", Attr.n(p.grantedAt().plus(UNCHECKED_KEPT).getEpochSecond()));
        PhotosKeys.owner(item, p.ownerId(), p.grantedAt(), p.id());
        // the id is random: taken only if the same id came twice, which is no retry to answer
        if (PutIfAbsent.put(dynamo, table, "photo", item, charge).isPresent()) throw new Conflict("PHOTO_ID_TAKEN", "Try again.", Map.of());
    }

    @Override
    public Optional<Photo> find(String photoId) {
        var r = DynamoCalls.call("GetItem photo", () -> dynamo.getItem(b -> b.tableName(table).key(PhotosKeys.photo(photoId))
                .consistentRead(true)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(fromItem(r.item())) : Optional.empty();
    }

    @Override
    public Map<String, Photo> findAll(Collection<String> photoIds) {
        Map<String, Photo> out = new HashMap<>();
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(photoIds));
        for (int i = 0; i < ids.size(); i += 100) {
            List<Map<String, AttributeValue>> keys = ids.subList(i, Math.min(ids.size(), i + 100)).stream().map(PhotosKeys::photo).toList();
            for (var item : BatchGets.all(dynamo, Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build()), table)) {
                Photo p = fromItem(item);
                out.put(p.id(), p);
            }
        }
        return out;
    }

    @Override
    public boolean markValidated(String photoId, int width, int height, long size, Instant at) {
        return check(photoId, "SET #state = :to, width = :w, height = :h, storedSize = :size, checkedAt = :at REMOVE expiresAt",
                Map.of(":to", Attr.s(PhotoState.VALIDATED.name()), ":w", Attr.n(width), ":h", Attr.n(height), ":size", Attr.n(size),
                        ":at", Attr.s(org.linli.core.Times.stored(at)), ":from", Attr.s(PhotoState.GRANTED.name())));
    }

    @Override
    public boolean markRefused(String photoId, String reason, Instant at) {
        return check(photoId, "SET #state = :to, reason = :why, checkedAt = :at",
                Map.of(":to", Attr.s(PhotoState.REFUSED.name()), ":why", Attr.s(reason), ":at", Attr.s(org.linli.core.Times.stored(at)),
                        ":from", Attr.s(PhotoState.GRANTED.name())));
    }

    private boolean check(String photoId, String update, Map<String, AttributeValue> values) {
        try {
            DynamoCalls.call("UpdateItem photo", () -> dynamo.updateItem(b -> b.tableName(table).key(PhotosKeys.photo(photoId))
                    .updateExpression(update).conditionExpression("#state = :from")
                    .expressionAttributeNames(Map.of("#state", "state")).expressionAttributeValues(values)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void deleteAll(Collection<String> photoIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(photoIds));
        for (int i = 0; i < ids.size(); i += 25) {
            Map<String, List<WriteRequest>> pending = Map.of(table, ids.subList(i, Math.min(ids.size(), i + 25)).stream()
                    .map(id -> WriteRequest.builder().deleteRequest(d -> d.key(PhotosKeys.photo(id))).build()).toList());
            for (int attempt = 0; pending != null && !pending.isEmpty(); attempt++) {
                if (attempt == 5) throw new StoreUnavailable("Some photo records could not be deleted now; try again.", null);
                Map<String, List<WriteRequest>> req = pending;
                var r = DynamoCalls.call("BatchWriteItem photos", () -> dynamo.batchWriteItem(b -> b.requestItems(req)));
                pending = r.hasUnprocessedItems() ? r.unprocessedItems() : null;
            }
        }
    }

    static Photo fromItem(Map<String, AttributeValue> item) {
        return new Photo(Attr.str(item, "photoId"), Attr.str(item, "ownerId"), Purpose.valueOf(Attr.str(item, "purpose")),
                ImageType.valueOf(Attr.str(item, "contentType")), Long.parseLong(item.get("size").n()),
                PhotoState.valueOf(Attr.str(item, "state")), Attr.str(item, "reason"),
                item.containsKey("width") ? Integer.parseInt(item.get("width").n()) : 0,
                item.containsKey("height") ? Integer.parseInt(item.get("height").n()) : 0,
                Attr.instant(item, "grantedAt"), Attr.instant(item, "checkedAt"));
    }
}
