package org.linli.handlers;

import java.time.Clock;
import java.util.List;
import org.linli.core.Ids;
import org.linli.core.NotFound;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.observability.Log;
import org.linli.photos.Photo;
import org.linli.photos.PhotoRefs;
import org.linli.photos.PhotoState;
import org.linli.photos.PhotoStore;
import org.linli.photos.Uploads;
import org.linli.views.photos.PhotoViews;
import org.linli.wiring.Wiring;

/** POST /uploads (an upload grant), GET /uploads/{photoKey} (where one's own photo stands). */
public final class PhotosApi extends ApiHandler {
    private final Uploads uploads;
    private final PhotoStore photos;
    private final PhotoRefs refs;

    public PhotosApi() {
        this(Wiring.current());
    }

    private PhotosApi(Wiring w) {
        this(w.uploads(), w.photoStore(), w.photoRefs(), w.clock());
        checkAccounts(w.accountCheck(), w::accessLog);
    }

    public PhotosApi(Uploads uploads, PhotoStore photos, PhotoRefs refs, Clock clock) {
        super(clock);
        this.uploads = uploads;
        this.photos = photos;
        this.refs = refs;
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("POST /uploads", Access.ANY_USER.own(), this::grant),
                Route.of("GET /uploads/{photoKey}", Access.ANY_USER.own(), this::get));
    }

    private ApiResponse grant(ApiRequest request) {
        Uploads.Grant g = uploads.grant(request.principal().userId(), request.body());
        Log.info("photo.granted", "photoId", g.photo().id(), "purpose", g.photo().purpose(), "contentType",
                g.photo().contentType(), "size", g.photo().size(), "requestId", request.requestId());
        return ApiResponse.created(PhotoViews.grant(g), "/uploads/" + g.photo().id());
    }

    private ApiResponse get(ApiRequest request) {
        String id = request.pathParam("photoKey");
        if (!Ids.looksLike(id, "pho")) throw new NotFound("photo", id);
        Photo p = photos.find(id).filter(x -> x.ownerId().equals(request.principal().userId()))
                .orElseThrow(() -> new NotFound("photo", id)); // another's photo: as if it did not exist
        return ApiResponse.ok(PhotoViews.photo(p, p.state() == PhotoState.VALIDATED ? refs.links(List.of(id)) : List.of()));
    }
}
