package org.linli.adapters.dynamo;

import java.util.function.Supplier;
import org.linli.core.StoreUnavailable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The adapter edge: every DynamoDB call goes through {@link #call}, which turns what the caller
 * can retry into {@link StoreUnavailable}. Conditional failures are caught by the adapters
 * before reaching here; anything else (a validation error is our bug) stays an exception.
 */
public final class DynamoCalls {
    private DynamoCalls() {}

    public static <T> T call(String operation, Supplier<T> body) {
        try {
            return body.get();
        } catch (ProvisionedThroughputExceededException | RequestLimitExceededException e) {
            throw new StoreUnavailable("The data store is busy (" + operation + "); try again shortly.", e);
        } catch (ResourceNotFoundException e) {
            throw new StoreUnavailable("A table is missing (" + operation + "); check the deployment.", e);
        } catch (SdkClientException e) {
            throw new StoreUnavailable("The data store could not be reached (" + operation + ").", e);
        } catch (DynamoDbException e) {
            if (e.statusCode() >= 500 || "ThrottlingException".equals(e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode())) {
                throw new StoreUnavailable("The data store failed (" + operation + "); try again shortly.", e);
            }
            throw e;
        }
    }
}
