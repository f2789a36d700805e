package org.linli.local.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretStoreTest {
    @Test
    void findsByNameAndByArnWithOrWithoutSuffix() {
        SecretStore store = new SecretStore();
        store.putSecret("linli/token-keys", "v1");
        assertEquals("v1", store.value("linli/token-keys").orElseThrow());
        assertEquals("v1", store.value("arn:aws-cn:secretsmanager:cn-north-1:000000000000:secret:linli/token-keys").orElseThrow());
        assertEquals("v1", store.value("arn:aws-cn:secretsmanager:cn-north-1:000000000000:secret:linli/token-keys-AbC123").orElseThrow());
        assertTrue(store.value("linli/other").isEmpty());
        assertTrue(store.value(null).isEmpty());
    }

    @Test
    void aPutIsANewVersion() {
        SecretStore store = new SecretStore();
        store.putSecret("s", "one");
        String first = store.find("s").orElseThrow().versionId();
        store.putSecret("s", "two");
        assertEquals("two", store.value("s").orElseThrow());
        assertNotEquals(first, store.find("s").orElseThrow().versionId());
        assertThrows(IllegalArgumentException.class, () -> store.putSecret(" ", "x"));
        assertThrows(IllegalArgumentException.class, () -> store.putSecret("x", null));
    }
}
