package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linli.adapters.tencent.TencentCredentials;
import org.linli.adapters.tencent.TencentSms;
import org.linli.core.ExternalServiceFailed;
import org.linli.notify.SmsGateway;
import org.linli.tools.FakeSmsServer;

/**
 * The Tencent SMS adapter against the fake server, over HTTP: a correctly signed send is taken and
 * recorded; a wrong key and a clock five minutes off are refused
 * by the fake's signature check, as Tencent would; per-number failures become results.
 */
class TencentSmsTest {
    private static final Instant NOW = Instant.parse("2026-11-18T02:00:00Z");
    private final FakeSmsServer fake = new FakeSmsServer(0);
    private final SmsGateway.Message message = new SmsGateway.Message("13812341234", FakeSmsServer.TEMPLATE_ACCEPTED,
            List.of("case_01"), "ntf_1");

    TencentSmsTest() throws IOException {
        fake.clock(() -> NOW);
    }

    @AfterEach
    void close() {
        fake.close();
    }

    private TencentSms client(String secretKey, Instant at) {
        return new TencentSms(fake.baseUrl(), "ap-guangzhou", FakeSmsServer.SDK_APP_ID, FakeSmsServer.SIGN_NAME,
                () -> new TencentCredentials(FakeSmsServer.SECRET_ID, secretKey), Clock.fixed(at, ZoneOffset.UTC));
    }

    @Test
    void aSignedSendIsTakenAndRecorded() {
        SmsGateway.Result r = client(FakeSmsServer.SECRET_KEY, NOW).send(message);
        assertTrue(r instanceof SmsGateway.Sent s && s.serialNo().startsWith("5000:"), r.toString());
        FakeSmsServer.Message m = fake.messagesTo("13812341234").get(0);
        assertEquals(List.of("case_01"), m.params());
        assertEquals(FakeSmsServer.SIGN_NAME, m.signName());
        assertEquals("ntf_1", m.context());
        assertEquals(List.of(), fake.refusals());
    }

    @Test
    void aWrongKeyOrAClockFiveMinutesOffIsRefusedBeforeAnythingIsSent() {
        ExternalServiceFailed wrongKey = assertThrows(ExternalServiceFailed.class, () -> client("not-the-key", NOW).send(message));
        assertEquals("SMS_AUTH_FAILED", wrongKey.code());
        assertThrows(ExternalServiceFailed.class, () -> client(FakeSmsServer.SECRET_KEY, NOW.minus(Duration.ofMinutes(6))).send(message));
        assertEquals(List.of("AuthFailure.SignatureFailure", "AuthFailure.SignatureExpire"),
                fake.refusals().stream().map(FakeSmsServer.Refusal::code).toList());
        assertTrue(fake.messages().isEmpty());
    }

    @Test
    void perNumberAnswersBecomeResults() {
        fake.failNextFor("13812341234", "LimitExceeded.PhoneNumberDailyLimit");
        fake.failNextFor("13812341234", "LimitExceeded.PhoneNumberThirtySecondLimit");
        TencentSms sms = client(FakeSmsServer.SECRET_KEY, NOW);
        assertEquals(new SmsGateway.Rejected("LimitExceeded.PhoneNumberDailyLimit"), sms.send(message));
        assertEquals(new SmsGateway.Throttled("LimitExceeded.PhoneNumberThirtySecondLimit"), sms.send(message));
        SmsGateway.Message unapproved = new SmsGateway.Message("13812341234", "9999999", List.of("x"), null);
        assertEquals(new SmsGateway.Rejected("FailedOperation.TemplateIncorrectOrUnapproved"), sms.send(unapproved));
        assertTrue(fake.messages().isEmpty());
    }

    @Test
    void noAnswerIsRetryable() {
        TencentSms nowhere = new TencentSms("http://127.0.0.1:9", "ap-guangzhou", FakeSmsServer.SDK_APP_ID, FakeSmsServer.SIGN_NAME,
                () -> new TencentCredentials(FakeSmsServer.SECRET_ID, FakeSmsServer.SECRET_KEY), Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals("SMS_UNREACHABLE", assertThrows(ExternalServiceFailed.class, () -> nowhere.send(message)).code());
    }
}
