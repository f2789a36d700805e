package org.linli.adapters.secrets;

import java.util.function.Supplier;
import org.linli.core.StoreUnavailable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads a secret on first use and keeps it for the life of the process (a new deployment or a
 * cold start picks up a rotated secret). A failure is retryable for the caller.
 */
public final class SecretValues {
    private SecretValues() {}

    public static <T> Supplier<T> memoized(SecretsManagerClient client, String secretName, java.util.function.Function<String, T> parse) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        if (value == null) {
                            try {
                                value = parse.apply(client.getSecretValue(b -> b.secretId(secretName)).secretString());
                            } catch (SdkException e) {
                                throw new StoreUnavailable("A secret could not be read.", e);
                            }
                        }
                        v = value;
                    }
                }
                return v;
            }
        };
    }
}
