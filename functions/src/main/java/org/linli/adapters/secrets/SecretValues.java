package org.linli.adapters.secrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import org.linli.core.StoreUnavailable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads a secret on first use and keeps it for the life of the process (a new deployment or a
 * cold start picks up a rotated secret), or for at most {@code maxAge} where a rotation must
 * reach every running process (the token signing key). A first read that fails is retryable for
 * the caller; a later re-read that fails keeps the value it had.
 */
public final class SecretValues {
    private SecretValues() {}

    public static <T> Supplier<T> memoized(SecretsManagerClient client, String secretName, Function<String, T> parse) {
        return refreshing(client, secretName, parse, null, null);
    }

    public static <T> Supplier<T> refreshing(SecretsManagerClient client, String secretName, Function<String, T> parse,
                                             Duration maxAge, Clock clock) {
        return new Supplier<>() {
            private T value;
            private Instant readAt;

            @Override
            public synchronized T get() {
                if (value != null && (maxAge == null || clock.instant().isBefore(readAt.plus(maxAge)))) return value;
                try {
                    value = parse.apply(client.getSecretValue(b -> b.secretId(secretName)).secretString());
                    readAt = maxAge == null ? null : clock.instant();
                } catch (SdkException e) {
                    if (value == null) throw new StoreUnavailable("A secret could not be read.", e);
                    readAt = clock.instant(); // keep the key we have; try again after another maxAge
                }
                return value;
            }
        };
    }
}
