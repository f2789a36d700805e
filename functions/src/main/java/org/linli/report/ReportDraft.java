package org.linli.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.linli.core.Disclosure;
import org.linli.core.Masking;
import org.linli.geo.GeoPoint;

/**
 * A validated report as submitted. {@code point}, {@code buildingCode} and {@code placeCode} may
 * not all be null. {@code placeCode} is a territory node the place is only known to lie in - an
 * address that named a street or community but no building (Open311's {@code address_string},
 * a hotline order without coordinates) - and puts the case in that node's dispatch queue.
 * {@code order} is the outside work order it was filed from (hotline), else null.
 */
public record ReportDraft(String category, String description, GeoPoint point, String buildingCode,
                          List<String> photoKeys, Contact contact, boolean anonymousToPublic, Source source,
                          String placeCode, WorkOrder order) {
    public ReportDraft {
        photoKeys = photoKeys == null ? List.of() : List.copyOf(photoKeys);
        if (point == null && buildingCode == null && placeCode == null) throw new IllegalArgumentException("a report needs a location");
    }

    public ReportDraft(String category, String description, GeoPoint point, String buildingCode,
                       List<String> photoKeys, Contact contact, boolean anonymousToPublic, Source source) {
        this(category, description, point, buildingCode, photoKeys, contact, anonymousToPublic, source, null, null);
    }

    public ReportDraft(String category, String description, GeoPoint point, String buildingCode,
                       List<String> photoKeys, Contact contact, boolean anonymousToPublic, Source source, String placeCode) {
        this(category, description, point, buildingCode, photoKeys, contact, anonymousToPublic, source, placeCode, null);
    }

    /**
     * The report as a viewer may see it: whole ({@link Disclosure#FULL}); with the contact masked,
     * the point rounded to three decimals (about 100 m) and numbers and the reporter's name masked
     * in the description ({@link Disclosure#MASKED}); or, for the public when the reporter asked
     * to stay anonymous, without any contact ({@link Disclosure#ANONYMOUS}).
     */
    public ReportDraft disclosed(Disclosure d) {
        if (d == Disclosure.FULL) return this;
        Contact shown = d == Disclosure.ANONYMOUS ? new Contact(null, null)
                : new Contact(Masking.name(contact.name()), Masking.phone(contact.phone()));
        GeoPoint near = point == null ? null
                : new GeoPoint(Math.round(point.lat() * 1000) / 1000.0, Math.round(point.lng() * 1000) / 1000.0, point.datum());
        return new ReportDraft(category, Masking.text(description, contact.name()), near, buildingCode, photoKeys, shown,
                anonymousToPublic, source, placeCode, order);
    }

    /** The public's view: anonymous when the reporter asked, masked otherwise. */
    public Disclosure forThePublic() {
        return anonymousToPublic ? Disclosure.ANONYMOUS : Disclosure.MASKED;
    }

    /**
     * A fingerprint of the content, independent of JSON formatting and field order: a retry with
     * the same Idempotency-Key must carry the same fingerprint.
     */
    public String fingerprint() {
        StringBuilder s = new StringBuilder();
        s.append(category).append('\u0000').append(description).append('\u0000');
        if (point != null) s.append(point.lat()).append(',').append(point.lng()).append(',').append(point.datum());
        s.append('\u0000').append(buildingCode).append('\u0000').append(String.join("\u0001", photoKeys));
        s.append('\u0000').append(contact.name()).append('\u0000').append(contact.phone());
        s.append('\u0000').append(anonymousToPublic).append('\u0000').append(source);
        if (placeCode != null) s.append('\u0000').append(placeCode);
        if (order != null) s.append('\u0000').append(order.orderNo()).append('\u0000').append(order.dueBy()).append('\u0000').append(order.urgent());
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
