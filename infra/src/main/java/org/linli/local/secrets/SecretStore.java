package org.linli.local.secrets;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Secrets by name, in memory. Put them before the functions start (LocalCustomizer.beforeProvision). */
public final class SecretStore {
    /** One stored version; a put replaces it with a new version id, as PutSecretValue would. */
    public record Secret(String name, String value, String versionId, Instant created) {}

    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();

    public void putSecret(String name, String value) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("secret name is blank");
        if (value == null) throw new IllegalArgumentException("secret " + name + " has no value");
        secrets.put(name, new Secret(name, value, UUID.randomUUID().toString(), Instant.now()));
    }

    /**
     * Finds a secret by name or by ARN; the ARN's name part may carry the six-character suffix
     * Secrets Manager appends ({@code name-AbCdEf}), as ARNs copied from AWS do.
     */
    public Optional<Secret> find(String nameOrArn) {
        if (nameOrArn == null) return Optional.empty();
        String name = nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.indexOf(":secret:") + 8) : nameOrArn;
        Secret exact = secrets.get(name);
        if (exact != null) return Optional.of(exact);
        if (name.matches(".*-[A-Za-z0-9]{6}$")) return Optional.ofNullable(secrets.get(name.substring(0, name.length() - 7)));
        return Optional.empty();
    }

    public Optional<String> value(String nameOrArn) {
        return find(nameOrArn).map(Secret::value);
    }

    public Set<String> names() {
        return new TreeSet<>(secrets.keySet());
    }
}
