package org.linli.adapters.kms;

/**
 * The key service envelope encryption needs (KMS's GenerateDataKey and Decrypt): a fresh 256-bit
 * data key, in plain and wrapped under the master key, and the unwrapping of a wrapped one.
 */
public interface KeyService {
    DataKey generateDataKey();

    byte[] decrypt(byte[] wrapped);

    /** A data key: use {@code plaintext} and forget it, keep {@code wrapped} beside what it encrypted. */
    record DataKey(byte[] plaintext, byte[] wrapped) {}
}
