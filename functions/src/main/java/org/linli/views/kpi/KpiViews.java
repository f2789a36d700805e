package org.linli.views.kpi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linli.http.Csv;
import org.linli.json.Json;
import org.linli.kpi.Counter;
import org.linli.kpi.Figures;
import org.linli.kpi.Rate;
import org.linli.kpi.UnitDirectory;

/** KPI rows as JSON and as CSV (Chinese headers, rates as percentages). */
public final class KpiViews {
    private static final Map<String, String> LEVELS = Map.of("CITY", "市", "DISTRICT", "区/县", "STREET", "街道/乡镇",
            "COMMUNITY", "社区/村", "GRID", "网格", "MICRO_GRID", "微网格", "DEPARTMENT", "职能部门");

    private KpiViews() {}

    /** One row: who, which month, counts, rates, score and - in a ranking - rank. */
    public record Row(String code, UnitDirectory.UnitInfo info, String month, Figures figures, Integer rank) {}

    public static ObjectNode json(Row r, boolean withRank) {
        ObjectNode o = Json.object();
        if (withRank) {
            if (r.rank() == null) o.putNull("rank"); else o.put("rank", r.rank());
        }
        ObjectNode unit = o.putObject("unit");
        unit.put("code", r.code());
        if (r.info() != null) {
            unit.put("name", r.info().name());
            unit.put("level", r.info().level());
        } else {
            unit.putNull("name");
            unit.putNull("level");
        }
        o.put("month", r.month());
        ObjectNode counts = o.putObject("counts");
        ObjectNode bySource = o.putObject("bySource"); // received, closed, satisfied of each source's cases
        for (Counter c : Counter.values()) {
            if (c.source() == null) counts.put(c.wire(), r.figures().tally().get(c));
            else (bySource.has(c.source()) ? (ObjectNode) bySource.get(c.source()) : bySource.putObject(c.source()))
                    .put(c.measure(), r.figures().tally().get(c));
        }
        ObjectNode rates = o.putObject("rates");
        for (Rate rate : Rate.values()) {
            Double v = r.figures().rate(rate);
            if (v == null) rates.putNull(rate.wire()); else rates.put(rate.wire(), v);
        }
        if (r.figures().score() == null) o.putNull("score"); else o.put("score", r.figures().score());
        return o;
    }

    public static Csv csv(List<Row> rows, boolean withRank) {
        List<String> header = new ArrayList<>();
        if (withRank) header.add("排名");
        header.addAll(List.of("单位编码", "单位名称", "层级", "月份"));
        for (Counter c : Counter.values()) header.add(c.label());
        for (Rate r : Rate.values()) header.add(r.label());
        header.add("综合得分");
        Csv csv = new Csv(header);
        for (Row r : rows) {
            List<Object> cells = new ArrayList<>();
            if (withRank) cells.add(r.rank());
            cells.add(r.code());
            cells.add(r.info() == null ? null : r.info().name());
            cells.add(r.info() == null ? null : LEVELS.getOrDefault(r.info().level(), r.info().level()));
            cells.add(r.month());
            for (Counter c : Counter.values()) cells.add(r.figures().tally().get(c));
            for (Rate rate : Rate.values()) {
                Double v = r.figures().rate(rate);
                cells.add(v == null ? null : String.format("%.2f%%", v * 100));
            }
            cells.add(r.figures().score());
            csv.row(cells);
        }
        return csv;
    }
}
