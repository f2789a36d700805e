package org.linli.hotline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linli.categories.Categories;
import org.linli.core.Conflict;
import org.linli.core.FieldError;
import org.linli.core.ValidationFailed;
import org.linli.json.Json;
import org.linli.territory.imports.Csv;
import org.linli.territory.imports.ImportPart;
import org.linli.territory.imports.ImportProblem;
import org.linli.territory.imports.ImportRunner;
import org.linli.territory.imports.ProgressMeter;
import org.linli.territory.imports.RowImport;

/**
 * The day's work orders from a 12345 platform's CSV export (docs/hotline.md, "The daily import"),
 * on the import pipeline (jobs, parts, queue, worker, progress). Each row is checked exactly as a
 * pushed order is ({@link HotlineOrder#parse}: order number, category, content, the caller's phone,
 * an address and/or coordinates, the deadline) and filed like one ({@link HotlineIntake}): an
 * order number is one case however it arrives, so a row whose order was received before (by an
 * earlier import, or the webhook) files nothing and is counted as received before. A bad row is a
 * problem naming its line (the file's, header = line 1), its order number and every reason, and
 * nothing is stored for it; the good rows are filed all the same.
 */
public final class OrderImport implements RowImport {
    public static final String SOURCE = "orders";
    static final List<String> REQUIRED = List.of("orderno", "category", "content");
    static final List<String> OPTIONAL = List.of("callername", "phone", "address", "lat", "lng", "datum", "deadline", "urgency");
    /** The headers 12345 exports use, normalised (Csv), → the column. */
    static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("工单编号", "orderno"), Map.entry("工单号", "orderno"),
            Map.entry("诉求分类", "category"), Map.entry("问题分类", "category"), Map.entry("工单分类", "category"),
            Map.entry("诉求内容", "content"), Map.entry("问题描述", "content"), Map.entry("来电内容", "content"),
            Map.entry("来电人", "callername"), Map.entry("诉求人", "callername"), Map.entry("联系人", "callername"),
            Map.entry("联系电话", "phone"), Map.entry("来电号码", "phone"),
            Map.entry("事发地址", "address"), Map.entry("诉求地址", "address"), Map.entry("地址", "address"),
            Map.entry("纬度", "lat"), Map.entry("经度", "lng"), Map.entry("坐标系", "datum"),
            Map.entry("交办时限", "deadline"), Map.entry("办理时限", "deadline"), Map.entry("办结时限", "deadline"),
            Map.entry("紧急程度", "urgency"));
    /** 2026-12-06 18:00[:00] or 2026/12/06 18:00 (Beijing time), as spreadsheets write it; a bare date is the end of that day. */
    private static final Pattern LOCAL = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

    private final HotlineIntake intake;
    private final Categories categories;

    public OrderImport(HotlineIntake intake, Categories categories) {
        this.intake = intake;
        this.categories = categories;
    }

    @Override
    public ImportPart.Kind kind() {
        return ImportPart.Kind.ORDERS;
    }

    @Override
    public Result run(List<ImportPart.Content> parts, ProgressMeter meter) {
        meter.phase("reading", parts.size(), "parts");
        List<ImportProblem> problems = new ArrayList<>();
        List<Csv.Row> rows = Csv.readExport(ImportRunner.joinCsv(parts), SOURCE, REQUIRED, OPTIONAL, ALIASES, problems);
        meter.advance(parts.size());

        meter.phase("validating", rows.size(), "rows");
        List<HotlineOrder> orders = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        for (Csv.Row row : rows) {
            String no = row.get("orderno");
            try {
                HotlineOrder o = HotlineOrder.parse(json(row), categories);
                Integer seen = lines.putIfAbsent(o.orderNo(), row.line());
                if (seen != null) {
                    problems.add(ImportProblem.line(SOURCE, row.line(), no, ImportProblem.Kind.DUPLICATE_CODE, "orderNo",
                            "order " + no + " is on line " + seen + " already"));
                } else {
                    orders.add(o);
                }
            } catch (ValidationFailed e) {
                problems.add(problem(row.line(), no, e));
            }
            meter.advance(1);
        }

        meter.phase("filing", orders.size(), "orders");
        int taken = 0;
        int before = 0;
        for (HotlineOrder o : orders) {
            try {
                intake.receive(o);
                taken++;
            } catch (Conflict c) {
                if (!"ORDER_ALREADY_RECEIVED".equals(c.code())) throw c;
                before++;
            } catch (ValidationFailed e) {
                problems.add(problem(lines.get(o.orderNo()), o.orderNo(), e)); // a place outside the jurisdiction
            }
            meter.advance(1);
        }
        return new Result(taken, before, problems);
    }

    private static ImportProblem problem(int line, String orderNo, ValidationFailed e) {
        List<String> reasons = new ArrayList<>();
        for (FieldError f : e.fields()) reasons.add((f.field() == null || f.field().isEmpty() ? "" : column(f.field()) + " ") + f.message());
        String field = e.fields().isEmpty() ? null : column(e.fields().get(0).field());
        return ImportProblem.line(SOURCE, line, orderNo, e.fields().stream().anyMatch(f -> f.message().contains("required"))
                ? ImportProblem.Kind.MISSING_FIELD : ImportProblem.Kind.INVALID_VALUE, field, String.join("; ", reasons));
    }

    /** The order's field as the CSV column names it. */
    private static String column(String field) {
        return switch (field) {
            case "caller.name" -> "callerName";
            case "caller.phone" -> "phone";
            case "location.lat" -> "lat";
            case "location.lng" -> "lng";
            case "location.datum" -> "datum";
            default -> field;
        };
    }

    /** A row as the order a platform would push (HotlineOrder's JSON), so that both ways in are checked alike. */
    static ObjectNode json(Csv.Row row) {
        ObjectNode o = Json.object();
        put(o, "orderNo", row.get("orderno"));
        put(o, "category", row.get("category"));
        put(o, "content", row.get("content"));
        if (row.get("callername") != null || row.get("phone") != null) {
            ObjectNode caller = o.putObject("caller");
            put(caller, "name", row.get("callername"));
            put(caller, "phone", row.get("phone"));
        }
        put(o, "address", row.get("address"));
        if (row.get("lat") != null || row.get("lng") != null) {
            ObjectNode loc = o.putObject("location");
            number(loc, "lat", row.get("lat"));
            number(loc, "lng", row.get("lng"));
            put(loc, "datum", row.get("datum") == null ? null : row.get("datum").toUpperCase(java.util.Locale.ROOT).replace("-", ""));
        }
        put(o, "deadline", deadline(row.get("deadline")));
        put(o, "urgency", row.get("urgency"));
        return o;
    }

    private static void put(ObjectNode o, String name, String v) {
        if (v != null) o.put(name, v);
    }

    /** A number when it is one; else the text, which the order's check refuses as "must be a number". */
    private static void number(ObjectNode o, String name, String v) {
        if (v == null) return;
        try {
            o.put(name, new BigDecimal(v));
        } catch (NumberFormatException e) {
            o.put(name, v);
        }
    }

    /** Spreadsheet date-times (Beijing time) to the API's form; anything else is passed on for the check to refuse. */
    static String deadline(String given) {
        if (given == null) return null;
        Matcher m = LOCAL.matcher(given.strip());
        if (!m.matches()) return given;
        boolean dateOnly = m.group(4) == null;
        return String.format(java.util.Locale.ROOT, "%s-%02d-%02dT%02d:%s:%s+08:00", m.group(1), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), dateOnly ? 23 : Integer.parseInt(m.group(4)), dateOnly ? "59" : m.group(5),
                dateOnly ? "59" : m.group(6) == null ? "00" : m.group(6));
    }
}
