package org.linli.volunteer.wishes;

import java.time.Instant;
import java.util.List;

/**
 * What the resident asked for: a title and detail, the date by which he wants it, where (an
 * address: personal, never public), optional photos and how to reach him (personal). Staff may
 * edit title, detail, date and place during review.
 */
public record WishContent(String title, String detail, Instant wantedBy, String place, List<String> photoKeys,
                          String contactName, String contactPhone) {
    public WishContent {
        photoKeys = List.copyOf(photoKeys);
    }

    public WishContent edited(String newTitle, String newDetail, Instant newWantedBy, String newPlace) {
        return new WishContent(newTitle == null ? title : newTitle, newDetail == null ? detail : newDetail,
                newWantedBy == null ? wantedBy : newWantedBy, newPlace == null ? place : newPlace, photoKeys,
                contactName, contactPhone);
    }
}
