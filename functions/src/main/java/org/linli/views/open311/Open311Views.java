package org.linli.views.open311;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.linli.cases.Case;
import org.linli.categories.Category;
import org.linli.core.FieldError;
import org.linli.core.Masking;
import org.linli.core.Times;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.json.Json;
import org.linli.kpi.UnitDirectory;
import org.linli.open311.Open311Catalog;
import org.linli.open311.Open311Status;
import org.linli.open311.ServiceRequests;
import org.linli.photos.PhotoRefs;
import org.linli.open311.SparkXml;
import org.linli.report.Report;
import org.linli.territory.Placement;

/**
 * GeoReport v2's answers (docs/open311.md): the discovery document, service requests as the
 * specification lists them, the token of a new request, and the specification's error list -
 * each as JSON or, for a {@code .xml} path, as Spark's XML.
 */
public final class Open311Views {
    /** When the service list last changed in a way clients must notice. */
    static final String CHANGESET = "2026-01-01T00:00:00+08:00";

    private Open311Views() {}

    /** Whether a path asks for XML (its {@code .xml} suffix) rather than JSON. */
    public static boolean xml(String path) {
        return path != null && path.endsWith(".xml");
    }

    /** The body as the path asks: Spark XML under {@code root}, or JSON. */
    public static String write(String path, String root, JsonNode body) {
        return xml(path) ? SparkXml.write(root, body) : Json.write(body);
    }

    /**
     * The endpoint's absolute URL as the client reached it: the scheme API Gateway (or a proxy) says
     * it was called with ({@code X-Forwarded-Proto}, else https), the host with its port when not
     * the scheme's default, and whatever prefix the path carries before {@code /open311/} (a stage,
     * a proxy's mount point), then {@code base}.
     */
    public static String endpoint(String scheme, String host, String port, String rawPath, String base) {
        String proto = scheme == null || scheme.isBlank() ? "https" : scheme.split(",")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (host == null || host.isBlank()) return base;
        String authority = host.trim();
        if (port != null && !port.isBlank() && authority.indexOf(':') < 0) {
            String p = port.split(",")[0].trim();
            boolean standard = proto.equals("https") && p.equals("443") || proto.equals("http") && p.equals("80");
            if (!standard) authority = authority + ":" + p;
        }
        int at = rawPath == null ? -1 : rawPath.indexOf("/open311/");
        String prefix = at > 0 ? rawPath.substring(0, at) : "";
        return proto + "://" + authority + prefix + base;
    }

    public static ObjectNode discovery(String url, boolean production) {
        ObjectNode d = Json.object();
        d.put("changeset", CHANGESET);
        d.put("contact", "Linli 邻里 - 12345 便民服务热线");
        d.put("key_service", "API keys are issued by the platform's operators (docs/open311.md).");
        ObjectNode e = d.putArray("endpoints").addObject();
        e.put("specification", "http://wiki.open311.org/GeoReport_v2");
        e.put("url", url);
        e.put("changeset", CHANGESET);
        e.put("type", production ? "production" : "test");
        e.putArray("formats").add("application/json").add("text/xml");
        return d;
    }

    /**
     * A new request's answer: its service_request_id at once (known from the report, see
     * {@code Open311Intake}), so that a client never needs the token lookup.
     */
    public static ArrayNode created(String serviceRequestId, Category category, String accountId) {
        ObjectNode o = Json.object();
        o.put("service_request_id", serviceRequestId);
        o.put("service_notice", Open311Catalog.notice(category));
        if (accountId == null) o.putNull("account_id"); else o.put("account_id", accountId);
        return Json.array().add(o);
    }

    /** A token's request id (a client that was answered with a token before the id was known). */
    public static ArrayNode token(String token, String caseId) {
        ObjectNode o = Json.object();
        if (caseId == null) o.putNull("service_request_id"); else o.put("service_request_id", caseId);
        o.put("token", token);
        return Json.array().add(o);
    }

    /**
     * Service requests as the specification lists them: the reporter's name masked in the
     * description, the agency by name, the place as its micro-grid and grid, the point rounded to
     * about 10 m in WGS-84.
     */
    public static ArrayNode requests(List<ServiceRequests.Found> found, Open311Catalog catalog,
                                     Map<String, UnitDirectory.UnitInfo> agencies, Map<String, String> rejections,
                                     PhotoRefs photos) {
        ArrayNode out = Json.array();
        for (ServiceRequests.Found f : found) {
            Case c = f.c();
            ObjectNode o = out.addObject();
            o.put("service_request_id", c.id());
            o.put("status", Open311Status.status(c));
            String[] names = f.reporterName() == null ? new String[0] : new String[] {f.reporterName()};
            o.put("status_notes", Masking.text(Open311Status.notes(c, rejections.get(c.id())), names));
            Optional<Category> category = catalog.service(c.category());
            o.put("service_name", category.map(Category::name).orElse(c.category()));
            o.put("service_code", c.category());
            if (f.description() == null) o.putNull("description");
            else o.put("description", Masking.text(f.description(), f.reporterName() == null ? new String[0] : new String[] {f.reporterName()}));
            UnitDirectory.UnitInfo agency = agencies.get(c.tierNode());
            o.put("agency_responsible", agency == null || agency.name() == null ? c.tierNode() : agency.name());
            if (category.isPresent()) o.put("service_notice", Open311Catalog.notice(category.get())); else o.putNull("service_notice");
            o.put("requested_datetime", Times.api(c.createdAt()));
            o.put("updated_datetime", Times.api(c.status().open() || c.closedAt() == null ? f.updatedAt() : c.closedAt()));
            if (c.deadline() == null) o.putNull("expected_datetime"); else o.put("expected_datetime", Times.api(c.deadline()));
            String address = address(c);
            if (address == null) o.putNull("address"); else o.put("address", address);
            if (c.buildingCode() == null) o.putNull("address_id"); else o.put("address_id", c.buildingCode());
            o.putNull("zipcode");
            point(o, c.location());
            // a thumbnail, and only of a closed case whose reporter did not ask to stay anonymous to the public
            if (c.status() == org.linli.cases.CaseStatus.CLOSED && !f.publicPhotoKeys().isEmpty()) {
                o.put("media_url", photos.thumbnails(f.publicPhotoKeys().subList(0, 1)).get(0));
            } else {
                o.putNull("media_url");
            }
        }
        return out;
    }

    /**
     * A request filed but not placed yet (assignment takes about a second): open, what it is and
     * where it was said to be, from its report - so that an id a client was just given is never a 404.
     */
    public static ObjectNode pending(String serviceRequestId, Report r, Open311Catalog catalog) {
        ObjectNode o = Json.object();
        o.put("service_request_id", serviceRequestId);
        o.put("status", "open");
        o.put("status_notes", "已收到，正在立案派单");
        Optional<Category> category = catalog.service(r.content().category());
        o.put("service_name", category.map(Category::name).orElse(r.content().category()));
        o.put("service_code", r.content().category());
        o.put("description", Masking.text(r.content().description(), r.content().contact().name()));
        o.putNull("agency_responsible");
        if (category.isPresent()) o.put("service_notice", Open311Catalog.notice(category.get())); else o.putNull("service_notice");
        o.put("requested_datetime", Times.api(r.receivedAt()));
        o.put("updated_datetime", Times.api(r.receivedAt()));
        o.putNull("expected_datetime");
        o.putNull("address");
        if (r.content().buildingCode() == null) o.putNull("address_id"); else o.put("address_id", r.content().buildingCode());
        o.putNull("zipcode");
        point(o, r.content().point());
        o.putNull("media_url");
        return o;
    }

    /** {@code lat}/{@code long} in WGS-84, rounded to 4 decimals (about 10 m); null without a point. */
    private static void point(ObjectNode o, GeoPoint p) {
        if (p == null) {
            o.putNull("lat");
            o.putNull("long");
            return;
        }
        GeoPoint w = p.in(Datum.WGS84);
        o.put("lat", Math.round(w.lat() * 10_000) / 10_000.0);
        o.put("long", Math.round(w.lng() * 10_000) / 10_000.0);
    }

    /** Most specific first: the micro-grid, the grid, else the deepest node that holds the place. */
    private static String address(Case c) {
        List<String> parts = new ArrayList<>();
        Placement p = c.placement();
        if (p.microGrid() != null) parts.add(p.microGrid().name());
        if (p.grid() != null) parts.add(p.grid().name());
        if (parts.isEmpty() && p.deepest() != null) parts.add(p.deepest().name());
        parts.removeIf(Objects::isNull);
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** The specification's error list: one {@code {code, description}} per field error, or one for the message. */
    public static ArrayNode errors(int status, String message, List<FieldError> fields) {
        ArrayNode errors = Json.array();
        if (fields.isEmpty()) {
            errors.addObject().put("code", status).put("description", message);
        } else {
            for (FieldError f : fields) errors.addObject().put("code", status).put("description", f.field() + " " + f.message());
        }
        return errors;
    }
}
