package org.linli.adapters.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.core.ExternalServiceFailed;
import org.linli.json.Json;
import org.linli.notify.SmsGateway;

/**
 * The signature against Tencent's own worked example ("Signature v3", API 3.0: DescribeInstances
 * of CVM in ap-guangzhou at 1551113065, SecretKey {@code Gu5t9xGARNpq86cd98joQYCN3EXAMPLE}): the
 * payload's hash, the canonical request's hash and the signature are the values Tencent publishes
 * for it, so the signing is verified against the provider, not only against itself.
 */
class Tc3SignerTest {
    static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    static final long TIMESTAMP = 1551113065;
    static final String PAYLOAD = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";

    private static Tc3Signer.Request example() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "cvm.tencentcloudapi.com");          // given out of order and capitalised on purpose
        headers.put("Content-Type", "application/json; charset=utf-8");
        return new Tc3Signer.Request("POST", headers, PAYLOAD);
    }

    @Test
    void everyStepGivesTheValuesTencentPublishes() {
        assertEquals("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064", Tc3Signer.sha256Hex(PAYLOAD));
        String canonical = Tc3Signer.canonicalRequest(example());
        assertEquals("POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n"
                + "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064", canonical);
        assertEquals("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031", Tc3Signer.sha256Hex(canonical));
        String toSign = Tc3Signer.stringToSign(TIMESTAMP, "cvm", canonical);
        assertEquals("TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n"
                + "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031", toSign);
        assertEquals("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
                Tc3Signer.signature(SECRET_KEY, TIMESTAMP, "cvm", toSign));
        assertEquals("TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
                + "SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
                Tc3Signer.authorization(SECRET_ID, SECRET_KEY, "cvm", TIMESTAMP, example()));
    }

    @Test
    void theScopeDateIsUtcNotBeijing() {
        // 1551113065 is 2019-02-26 00:44 in Beijing: Tencent's note says the scope must still read 2019-02-25.
        assertEquals("2019-02-25/sms/tc3_request", Tc3Signer.credentialScope(TIMESTAMP, "sms"));
    }

    @Test
    void aChangedBodyOrKeyChangesTheSignature() {
        String good = Tc3Signer.authorization(SECRET_ID, SECRET_KEY, "cvm", TIMESTAMP, example());
        Tc3Signer.Request other = new Tc3Signer.Request("POST", example().headers(), PAYLOAD.replace("1", "2"));
        assertNotEquals(good, Tc3Signer.authorization(SECRET_ID, SECRET_KEY, "cvm", TIMESTAMP, other));
        assertNotEquals(good, Tc3Signer.authorization(SECRET_ID, SECRET_KEY + "x", "cvm", TIMESTAMP, example()));
    }

    @Test
    void sendSmsIsSignedOverContentTypeHostAndActionWithTheEndpointsHost() {
        TencentSms sms = new TencentSms("http://127.0.0.1:8123", "ap-guangzhou", "1400006666", "邻里", null,
                Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC));
        SmsGateway.Message m = new SmsGateway.Message("13812341234", "1110", List.of("case_01"), "ntf_1");
        String body = sms.body(m);
        JsonNode b = Json.parse(body);
        assertEquals("+8613812341234", b.path("PhoneNumberSet").path(0).asText());
        assertEquals("1400006666", b.path("SmsSdkAppId").asText());
        assertEquals("邻里", b.path("SignName").asText());
        assertEquals("1110", b.path("TemplateId").asText());
        assertEquals("case_01", b.path("TemplateParamSet").path(0).asText());
        assertEquals("ntf_1", b.path("SessionContext").asText());
        Map<String, String> h = sms.headers(body, TIMESTAMP, new TencentCredentials(SECRET_ID, SECRET_KEY));
        assertEquals("SendSms", h.get("X-TC-Action"));
        assertEquals("2021-01-11", h.get("X-TC-Version"));
        assertEquals("ap-guangzhou", h.get("X-TC-Region"));
        assertEquals("1551113065", h.get("X-TC-Timestamp"));
        Map<String, String> signed = Map.of("content-type", "application/json; charset=utf-8", "host", "127.0.0.1:8123",
                "x-tc-action", "SendSms");
        assertEquals(Tc3Signer.authorization(SECRET_ID, SECRET_KEY, "sms", TIMESTAMP, new Tc3Signer.Request("POST", signed, body)),
                h.get("Authorization"));
        assertTrue(h.get("Authorization").contains("/2019-02-25/sms/tc3_request, SignedHeaders=content-type;host;x-tc-action, "));
    }

    @Test
    void tencentsAnswersBecomeResults() {
        assertEquals(new SmsGateway.Sent("5000:1"), TencentSms.classify("Ok", "5000:1"));
        assertEquals(new SmsGateway.Throttled("LimitExceeded.PhoneNumberThirtySecondLimit"),
                TencentSms.classify("LimitExceeded.PhoneNumberThirtySecondLimit", ""));
        assertEquals(new SmsGateway.Throttled("RequestLimitExceeded"), TencentSms.callFailed("RequestLimitExceeded"));
        assertEquals(new SmsGateway.Throttled("InternalError.Timeout"), TencentSms.classify("InternalError.Timeout", ""));
        assertEquals(new SmsGateway.Rejected("LimitExceeded.PhoneNumberDailyLimit"),
                TencentSms.classify("LimitExceeded.PhoneNumberDailyLimit", ""));
        assertEquals(new SmsGateway.Rejected("InvalidParameterValue.IncorrectPhoneNumber"),
                TencentSms.classify("InvalidParameterValue.IncorrectPhoneNumber", ""));
        assertEquals(new SmsGateway.Rejected("FailedOperation.TemplateIncorrectOrUnapproved"),
                TencentSms.callFailed("FailedOperation.TemplateIncorrectOrUnapproved"));
        assertThrows(ExternalServiceFailed.class, () -> TencentSms.callFailed("AuthFailure.SignatureFailure"));
    }

    @Test
    void theSecretNeedsBothHalvesAndNeverPrintsTheKey() {
        TencentCredentials c = TencentCredentials.fromSecretJson("{\"secretId\":\"AKIDx\",\"secretKey\":\"very-secret\"}");
        assertTrue(!c.toString().contains("very-secret"));
        assertThrows(IllegalArgumentException.class, () -> TencentCredentials.fromSecretJson("{\"secretId\":\"AKIDx\"}"));
    }
}
