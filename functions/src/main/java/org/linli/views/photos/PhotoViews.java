package org.linli.views.photos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.linli.core.Times;
import org.linli.json.Json;
import org.linli.photos.Photo;
import org.linli.photos.PhotoRefs;
import org.linli.photos.Uploads;
import org.linli.views.Views;

/** JSON of upload grants, photo records and links. */
public final class PhotoViews {
    private PhotoViews() {}

    /** The grant: the photo key to name later, and the form to POST (fields first, then {@code file}). */
    public static ObjectNode grant(Uploads.Grant g) {
        ObjectNode o = Json.object();
        o.put("photoKey", g.photo().id());
        o.put("state", g.photo().state().name());
        o.put("expiresAt", Times.api(g.expiresAt()));
        ObjectNode upload = o.putObject("upload");
        upload.put("method", "POST");
        upload.put("url", g.form().url());
        upload.put("fileField", "file");
        ObjectNode fields = upload.putObject("fields");
        g.form().fields().forEach(fields::put);
        o.putObject("links").put("self", "/uploads/" + g.photo().id());
        return o;
    }

    /** The owner's view of his photo: where it stands, why it was refused, and - once validated - links. */
    public static ObjectNode photo(Photo p, List<PhotoRefs.Links> links) {
        ObjectNode o = Json.object();
        o.put("photoKey", p.id());
        o.put("purpose", p.purpose().name());
        o.put("contentType", p.contentType().mime());
        o.put("size", p.size());
        o.put("state", p.state().name());
        if (p.reason() != null) o.put("reason", p.reason());
        if (p.width() > 0) {
            o.put("width", p.width());
            o.put("height", p.height());
        }
        o.put("grantedAt", Times.api(p.grantedAt()));
        Views.time(o, "checkedAt", p.checkedAt());
        if (!links.isEmpty()) put(o.putObject("links"), links.get(0));
        return o;
    }

    /** {@code photos}: one entry per photo key with its thumbnail and full-size links, for viewers allowed to see them. */
    public static void links(ObjectNode into, String field, List<PhotoRefs.Links> links) {
        ArrayNode a = into.putArray(field);
        for (PhotoRefs.Links l : links) {
            ObjectNode o = a.addObject();
            o.put("photoKey", l.photoKey());
            put(o, l);
        }
    }

    private static void put(ObjectNode o, PhotoRefs.Links l) {
        o.put("thumbUrl", l.thumbUrl());
        o.put("url", l.url());
        o.put("expiresAt", Times.api(l.expiresAt()));
    }
}
