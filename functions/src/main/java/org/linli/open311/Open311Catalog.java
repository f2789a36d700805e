package org.linli.open311;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.linli.categories.Categories;
import org.linli.categories.Category;
import org.linli.categories.MatterType;
import org.linli.json.Json;

/**
 * Services and service definitions generated from the report categories: the category code is
 * the service_code, its name the service_name; {@code type} is {@code realtime} (the POST answers
 * the service_request_id at once, derived from the report: see {@code Open311Intake}); every service has two optional attributes - the
 * building code from the mini-program's picker and whether the reporter stays anonymous to the public.
 */
public final class Open311Catalog {
    public static final String BUILDING_CODE = "building_code";
    public static final String ANONYMOUS = "anonymous";
    private static final Map<MatterType, String> GROUPS = Map.of(MatterType.PERSONAL, "个事", MatterType.COMMUNITY, "社事",
            MatterType.DEPARTMENT, "专事", MatterType.HARD, "难事");

    private final Categories categories;

    public Open311Catalog(Categories categories) {
        this.categories = categories;
    }

    public Optional<Category> service(String code) {
        return categories.find(code);
    }

    public ArrayNode services() {
        ArrayNode out = Json.array();
        for (Category c : categories.all()) {
            ObjectNode s = out.addObject();
            s.put("service_code", c.code());
            s.put("service_name", c.name());
            s.put("description", c.name() + "（" + GROUPS.get(c.matterType()) + "）。" + notice(c));
            s.put("metadata", true);
            s.put("type", "realtime");
            s.put("keywords", c.code() + ", " + c.name() + (c.department() == null ? "" : ", " + c.department()));
            s.put("group", GROUPS.get(c.matterType()));
        }
        return out;
    }

    public ObjectNode definition(Category c) {
        ObjectNode d = Json.object();
        d.put("service_code", c.code());
        ArrayNode attributes = d.putArray("attributes");
        ObjectNode building = attributes.addObject();
        building.put("variable", true);
        building.put("code", BUILDING_CODE);
        building.put("datatype", "string");
        building.put("required", false);
        building.put("datatype_description", "楼栋编码，如 DEMO-W1-G1-M1-B2（与 address_id 相同）");
        building.put("order", 1);
        building.put("description", "问题所在楼栋的编码（可选）");
        ObjectNode anonymous = attributes.addObject();
        anonymous.put("variable", true);
        anonymous.put("code", ANONYMOUS);
        anonymous.put("datatype", "singlevaluelist");
        anonymous.put("required", false);
        anonymous.putNull("datatype_description");
        anonymous.put("order", 2);
        anonymous.put("description", "公开展示时是否隐去上报人");
        ArrayNode values = anonymous.putArray("values");
        values.addObject().put("key", "true").put("name", "匿名");
        values.addObject().put("key", "false").put("name", "不匿名");
        return d;
    }

    /** The service level: {@code 受理时限 4 小时，处置时限 2 天。} */
    public static String notice(Category c) {
        return "受理时限 " + chinese(c.limits().accept()) + "，处置时限 " + chinese(c.limits().handle()) + "。";
    }

    static String chinese(Duration d) {
        if (d.toMinutes() % (24 * 60) == 0) return d.toDays() + " 天";
        if (d.toMinutes() % 60 == 0) return d.toHours() + " 小时";
        return d.toMinutes() + " 分钟";
    }
}
