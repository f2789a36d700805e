package org.linli.adapters.dynamo.users;

import java.time.Instant;
import java.util.Map;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.core.Times;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key layout of the users table (see docs/data-model.md): every key prefix of the table, here and
 * nowhere else. A user's partition holds his profile and his grant history; refresh sessions,
 * unionid links and Open311 API keys have partitions of their own.
 */
public final class UsersKeys {
    /** A user's partition: his profile and grant changes. */
    public static final String USER = "USER#";
    /** The sort-key prefix of a user's grant changes, in time order. */
    public static final String GRANT = "GRANT#";

    /**
     * The sparse index {@code ByListing} ({@code listpk}, {@code listsk}) of the staff listing:
     * only profiles of staff and administrators carry {@code listpk = STAFF}, sorted by user id.
     */
    public static final String BY_LISTING = "ByListing";
    public static final String LIST_PK = "listpk";
    public static final String LIST_SK = "listsk";
    public static final String STAFF = "STAFF";

    private UsersKeys() {}

    public static Map<String, AttributeValue> profile(String userId) {
        return TableKeys.key(USER + userId, "PROFILE");
    }

    /** The erasure record of a user, in his partition (kept after the profile is erased). */
    public static Map<String, AttributeValue> erasure(String userId) {
        return TableKeys.key(USER + userId, "ERASURE");
    }

    public static Map<String, AttributeValue> grantChange(String userId, Instant at, String changeId) {
        return TableKeys.key(USER + userId, GRANT + Times.stored(at) + "#" + changeId);
    }

    /** A refresh session, by the hash of its token (the token itself is never stored). */
    public static Map<String, AttributeValue> session(String tokenHash) {
        return TableKeys.key("SESSION#" + tokenHash, "SESSION");
    }

    /** The link from a WeChat unionid to the user it first logged in as. */
    public static Map<String, AttributeValue> unionLink(String unionId) {
        return TableKeys.key("UNION#" + unionId, "LINK");
    }

    /** An Open311 API key, by its SHA-256. */
    public static Map<String, AttributeValue> apiKey(String keyHash) {
        return TableKeys.key("APIKEY#" + keyHash, "APIKEY");
    }

    /** The user id of a profile's key. */
    public static String userId(Map<String, AttributeValue> item) {
        return item.get(TableKeys.PK).s().substring(USER.length());
    }
}
