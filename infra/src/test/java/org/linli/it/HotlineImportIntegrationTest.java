package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.adapters.dynamo.cases.DynamoReportStore;
import org.linli.core.Ids;
import org.linli.hotline.HotlineIntake;
import org.linli.local.LocalCloud;
import org.linli.report.Report;
import org.linli.report.Source;
import org.linli.tools.HotlineClient;
import org.linli.tools.ImportClient;
import org.linli.tools.LocalSetup;

/**
 * Done when (issue 16): the day's 12345 export imported through the gateway on the import pipeline
 * (the CLI's client: job, CSV part, commit, progress polled): 200 rows with one bad → 199 cases,
 * the bad row reported with its line and reasons and nothing stored for it, progress visible;
 * the same file again files nothing new, and an order the webhook received before is one case.
 */
class HotlineImportIntegrationTest {
    private static LocalCloud cloud;
    private static Api api;
    private static DynamoReportStore reports;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        api = new Api(cloud.baseUrl());
        reports = new DynamoReportStore(cloud.dynamo(), cloud.tableName("CasesTable"));
    }

    private ImportClient.Result importFile(Path csv, ByteArrayOutputStream out) throws Exception {
        var client = new ImportClient(cloud.baseUrl(), api.login("district"), new PrintStream(out, true, StandardCharsets.UTF_8),
                Duration.ofMillis(100));
        return client.run(ImportClient.Request.orders(csv, "12345 daily export", 3 * 1024 * 1024));
    }

    private static String reportIdOf(String orderNo) {
        return Ids.derived("rpt", HotlineIntake.REPORTER, "hotline:" + orderNo);
    }

    @Test
    void twoHundredRowsWithOneBadFile199CasesOnceWithProgress() throws Exception {
        String prefix = "GI" + System.nanoTime() + "-";
        // One order the platform pushed already (the webhook): the import must not file it again.
        String pushed = prefix + "0007";
        Api.Answer webhook = api.call("POST", "/hotline/orders", null, HotlineClient.order(pushed, "城市管理/环境卫生", 37.8470, 113.5790),
                HotlineClient.headers(LocalSetup.HOTLINE_KEY, HotlineClient.order(pushed, "城市管理/环境卫生", 37.8470, 113.5790), LinliCloud.now()));
        assertEquals(202, webhook.status(), webhook.body());

        StringBuilder csv = new StringBuilder("工单编号,问题分类,诉求内容,来电人,联系电话,事发地址,纬度,经度,交办时限,紧急程度,受理时间,承办单位\n");
        List<String> good = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            String no = prefix + String.format("%04d", i);
            if (i == 57) { // the bad row: no phone number, no place, a deadline no one can read
                csv.append(no).append(",环境卫生,\"楼道堆物，\"\"急\"\"\",张三,call me maybe,,,,下周,,2026-11-18 09:00,西城街道\n");
                continue;
            }
            good.add(no);
            String category = i % 3 == 0 ? "城市管理/环境卫生" : i % 3 == 1 ? "路灯损坏" : "噪音扰民";
            csv.append(no).append(',').append(category).append(",市民来电反映问题 ").append(i).append(",李强,139")
                    .append(String.format("%08d", i)).append(",,37.8470,113.5790,2026-11-25 18:00,").append(i % 10 == 0 ? "紧急" : "")
                    .append(",2026-11-18 09:00,东城街道\n");
        }
        Path file = Files.writeString(dir.resolve("12345.csv"), csv);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImportClient.Result first = importFile(file, out);
        JsonNode job = first.job();
        assertEquals("PUBLISHED", first.state(), job.toString());
        assertEquals(198, job.path("summary").path("orders").asInt(), job.toString());
        assertEquals(1, job.path("summary").path("alreadyReceived").asInt(), "the pushed order: one case, not two");
        assertEquals(1, job.path("problemCount").asInt(), job.toString());
        JsonNode bad = job.path("problems").get(0);
        assertEquals(58, bad.path("index").asInt(), "row 57 is the file's line 58 (header = 1)");
        assertEquals(prefix + "0057", bad.path("code").asText());
        String why = bad.path("message").asText();
        assertTrue(why.contains("phone") && why.contains("address") && why.contains("deadline"), why);
        assertTrue(job.path("progress").path("line").asText().startsWith("filing (3/3): 199/199 orders"), job.path("progress").toString());
        String printed = out.toString(StandardCharsets.UTF_8);
        // The local cloud runs quiet (stdout is its own): the timing goes to a file for the closing notes.
        Files.writeString(Path.of("target", "hotline-import-timing.txt"), "hotline import of 200 rows (198 filed, 1 received before, 1 bad): "
                + first.elapsed().toMillis() + " ms\n" + printed);
        assertTrue(printed.contains("filed 198 work order(s)") && printed.contains("1 received before") && printed.contains("line 58"), printed);

        assertNull(reports.find(reportIdOf(prefix + "0057")).orElse(null), "nothing stored for the bad row");
        for (String no : good) {
            Report r = reports.find(reportIdOf(no)).orElseThrow(() -> new AssertionError("no report for " + no));
            assertEquals(Source.HOTLINE_12345, r.content().source());
            assertEquals(no, r.content().order().orderNo());
        }
        // Every good row becomes a case of its own (orders never join nearby cases).
        List<String> caseIds = Eventually.await(Duration.ofSeconds(120), () -> good.stream()
                        .map(no -> reports.find(reportIdOf(no)).map(Report::caseId).orElse(null)).toList(),
                ids -> ids.stream().allMatch(id -> id != null), "199 orders placed as cases");
        assertEquals(199, caseIds.stream().distinct().count());

        // The same file again: nothing new is filed.
        ImportClient.Result again = importFile(file, new ByteArrayOutputStream());
        assertEquals(0, again.job().path("summary").path("orders").asInt(), again.job().toString());
        assertEquals(199, again.job().path("summary").path("alreadyReceived").asInt());
        assertEquals(1, again.job().path("problemCount").asInt());
        List<String> afterAgain = good.stream().map(no -> reports.find(reportIdOf(no)).orElseThrow().caseId()).toList();
        assertEquals(caseIds, afterAgain, "the same cases");
    }
}
