package org.linli.local.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseMapperTest {
    @Test
    void structuredResponse() {
        HttpResult r = ResponseMapper.map("""
                {"statusCode":201,"headers":{"Content-Type":"application/json","X-N":5},
                 "cookies":["a=1","b=2"],"body":"{\\"id\\":1}","isBase64Encoded":false}""");
        assertEquals(201, r.status());
        assertTrue(r.headers().contains(Map.entry("Content-Type", "application/json")));
        assertTrue(r.headers().contains(Map.entry("X-N", "5")));
        assertTrue(r.headers().contains(Map.entry("Set-Cookie", "a=1")));
        assertTrue(r.headers().contains(Map.entry("Set-Cookie", "b=2")));
        assertEquals("{\"id\":1}", new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void base64BodiesAreDecoded() {
        HttpResult r = ResponseMapper.map("{\"statusCode\":200,\"body\":\"AAEC/w==\",\"isBase64Encoded\":true}");
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, r.body());
    }

    @Test
    void anythingWithoutStatusCodeIsA200JsonBody() {
        for (String output : new String[] {"{\"plain\":true}", "[1,2]", "\"text\"", "42", "null"}) {
            HttpResult r = ResponseMapper.map(output);
            assertEquals(200, r.status(), output);
            assertEquals(output, new String(r.body(), StandardCharsets.UTF_8));
            assertTrue(r.headers().contains(Map.entry("Content-Type", "application/json")));
        }
    }

    @Test
    void unmappableResultsGiveNull() {
        assertNull(ResponseMapper.map("not json"));
        assertNull(ResponseMapper.map("{\"statusCode\":\"abc\"}"));
        assertNull(ResponseMapper.map("{\"statusCode\":42}"));
        assertNull(ResponseMapper.map("{\"statusCode\":200,\"body\":\"***\",\"isBase64Encoded\":true}"));
        assertEquals(204, ResponseMapper.map("{\"statusCode\":\"204\"}").status());
    }
}
