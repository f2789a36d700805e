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

    public static ObjectNode discovery(String host, String base, boolean production) {
        ObjectNode d = Json.object();
        d.put("changeset", CHANGESET);
        d.put("contact", "Linli 邻里 - 12345 便民服务热线");
        d.put("key_service", "API keys are issued by the platform's operators (docs/open311.md).");
        ObjectNode e = d.putArray("endpoints").addObject();
        e.put("specification", "http://wiki.open311.org/GeoReport_v2");
        e.put("url", (host == null ? "" : "https://" + host) + base);
        e.put("changeset", CHANGESET);
        e.put("type", production ? "production" : "test");
        e.putArray("formats").add("application/json").add("text/xml");
        return d;
    }

    /** A new request's answer: its token (the report id; the request id exists once the case does). */
    public static ArrayNode created(Report r, Category category, String accountId) {
        ObjectNode o = Json.object();
        o.put("token", r.id());
        o.put("service_notice", Open311Catalog.notice(category));
        if (accountId == null) o.putNull("account_id"); else o.put("account_id", accountId);
        return Json.array().add(o);
    }

    /** A token's request id, null until the report became a case. */
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
                                     Map<String, UnitDirectory.UnitInfo> agencies, PhotoRefs photos) {
        ArrayNode out = Json.array();
        for (ServiceRequests.Found f : found) {
            Case c = f.c();
            ObjectNode o = out.addObject();
            o.put("service_request_id", c.id());
            o.put("status", Open311Status.status(c));
            o.put("status_notes", Open311Status.notes(c));
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
            if (c.location() == null) {
                o.putNull("lat");
                o.putNull("long");
            } else {
                GeoPoint w = c.location().in(Datum.WGS84);
                o.put("lat", Math.round(w.lat() * 10_000) / 10_000.0);
                o.put("long", Math.round(w.lng() * 10_000) / 10_000.0);
            }
            // a thumbnail, and only of a closed case whose reporter did not ask to stay anonymous to the public
            if (c.status() == org.linli.cases.CaseStatus.CLOSED && !f.publicPhotoKeys().isEmpty()) {
                o.put("media_url", photos.thumbnails(f.publicPhotoKeys().subList(0, 1)).get(0));
            } else {
                o.putNull("media_url");
            }
        }
        return out;
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
