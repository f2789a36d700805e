package org.linli.local.kms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.adapters.kms.KeyService;
import org.linli.adapters.kms.KmsHttpKeyService;
import org.linli.adapters.s3.SigV4Signer;
import org.linli.local.template.KeyDef;

/**
 * The local KMS with the functions' own client (KmsHttpKeyService over SigV4): data keys round-trip,
 * a request signed with another secret is refused as KMS refuses it, a blob of one key does not
 * open under another, and a disabled key serves nothing.
 */
class LocalKmsIntegrationTest {
    private static final String REGION = "cn-north-1";
    private static final KeyDef KEY = new KeyDef("RegisterKey", "k-1", "arn:aws-cn:kms:cn-north-1:000000000000:key/k-1", true);
    private static final KeyDef OTHER = new KeyDef("OtherKey", "k-2", "arn:aws-cn:kms:cn-north-1:000000000000:key/k-2", true);
    private static final KeyDef OFF = new KeyDef("OffKey", "k-3", "arn:aws-cn:kms:cn-north-1:000000000000:key/k-3", false);

    private static KeyService client(FakeKms kms, String keyId, String secret) {
        return new KmsHttpKeyService(kms.endpoint(), REGION, keyId, () -> new SigV4Signer.Credentials("local", secret, null),
                Clock.systemUTC());
    }

    @Test
    void dataKeysRoundTripAndSignaturesAreChecked() throws Exception {
        try (FakeKms kms = new FakeKms(List.of(KEY, OTHER, OFF), REGION, "local", "local-secret")) {
            KeyService good = client(kms, KEY.arn(), "local-secret");
            KeyService.DataKey k = good.generateDataKey();
            assertEquals(32, k.plaintext().length);
            assertArrayEquals(k.plaintext(), good.decrypt(k.wrapped()));
            assertArrayEquals(k.plaintext(), client(kms, KEY.keyId(), "local-secret").decrypt(k.wrapped()), "by key id as well as ARN");
            assertEquals(1, kms.calls("GenerateDataKey"));
            assertEquals(2, kms.calls("Decrypt"));

            IllegalStateException forged = assertThrows(IllegalStateException.class,
                    () -> client(kms, KEY.arn(), "another-secret").generateDataKey());
            assertTrue(forged.getMessage().contains("403 InvalidSignatureException"), forged.getMessage());
            IllegalStateException wrongKey = assertThrows(IllegalStateException.class,
                    () -> client(kms, OTHER.arn(), "local-secret").decrypt(k.wrapped()));
            assertTrue(wrongKey.getMessage().contains("IncorrectKeyException"), wrongKey.getMessage());
            byte[] tampered = k.wrapped().clone();
            tampered[tampered.length - 1] ^= 1;
            assertTrue(assertThrows(IllegalStateException.class, () -> good.decrypt(tampered)).getMessage()
                    .contains("InvalidCiphertextException"));
            assertTrue(assertThrows(IllegalStateException.class, () -> client(kms, OFF.arn(), "local-secret").generateDataKey())
                    .getMessage().contains("DisabledException"));
        }
    }
}
