package org.linli.adapters.dynamo;

import java.util.List;
import org.linli.core.StoreUnavailable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** TransactWriteItems that tells which item's condition failed, so that the caller can say why. */
public final class Transactions {
    public static final int DONE = -1;
    /** A transaction cancelled by a conflicting one (not by a condition) is tried again this often. */
    private static final int ATTEMPTS = 4;

    private Transactions() {}

    /**
     * Runs the transaction. Returns {@link #DONE}, or the index of the first item whose condition
     * failed (nothing was written). A conflict with another transaction on the same items (two
     * awards to one member's month at once) is retried after a short pause, then StoreUnavailable.
     */
    public static int write(DynamoDbClient dynamo, String what, List<TransactWriteItem> items) {
        List<CancellationReason> reasons = writeOrExplain(dynamo, what, items);
        for (int i = 0; i < reasons.size(); i++) {
            if (failed(reasons.get(i))) return i;
        }
        return DONE;
    }

    /**
     * Runs the transaction: an empty list when it was written, else one reason per item (with the
     * old item where it asked for it) when a condition failed. Conflicts are retried as by {@link #write}.
     */
    public static List<CancellationReason> writeOrExplain(DynamoDbClient dynamo, String what, List<TransactWriteItem> items) {
        for (int attempt = 1; ; attempt++) {
            try {
                DynamoCalls.call("TransactWriteItems " + what, () -> dynamo.transactWriteItems(b -> b.transactItems(items)));
                return List.of();
            } catch (TransactionCanceledException e) {
                if (e.hasCancellationReasons() && e.cancellationReasons().stream().anyMatch(Transactions::failed)) {
                    return e.cancellationReasons();
                }
                if (attempt >= ATTEMPTS) throw new StoreUnavailable("The " + what + " could not be written now; try again.", e);
                Backoff.pause(attempt, 200);
            }
        }
    }

    public static boolean failed(CancellationReason r) {
        return "ConditionalCheckFailed".equals(r.code());
    }
}
