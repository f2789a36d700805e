package org.linli.local.s3;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.handler.HandlerWrapper;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.linli.local.lambda.LocalLog;

/**
 * In front of S3Proxy's handler, in its (shaded) Jetty: form POSTs are answered by
 * {@link PostUpload}, presigned GETs by {@link PresignedGet} (against the local clock); every other request goes to S3Proxy, and when it has created an object
 * (PutObject, CopyObject, CompleteMultipartUpload) the bucket's notifications are sent.
 */
final class S3Front extends HandlerWrapper {
    private final BlobStore store;
    private final BucketEvents events;
    private final PostUpload posts;
    private final PresignedGet presigned;
    private final CrossOriginResourceSharing cors;
    private final Clock clock;

    S3Front(BlobStore store, BucketEvents events, PostUpload posts, PresignedGet presigned, CrossOriginResourceSharing cors, Clock clock) {
        this.store = store;
        this.presigned = presigned;
        this.events = events;
        this.posts = posts;
        this.cors = cors;
        this.clock = clock;
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        // As S3Proxy reads the path: /bucket/key, each part URL-decoded.
        String[] path = request.getRequestURI().split("/", 3);
        for (int i = 0; i < path.length; i++) path[i] = URLDecoder.decode(path[i], StandardCharsets.UTF_8);
        String requestId = String.format("%016X", ThreadLocalRandom.current().nextLong());
        if (PostUpload.isFormPost(request, path)) {
            corsHeaders(request, response);
            Optional<S3Events.Creation> created = posts.handle(base, request, response, path[1], requestId);
            base.setHandled(true);
            created.ifPresent(this::notify);
            return;
        }
        if (PresignedGet.isPresignedGet(request, path)) {
            corsHeaders(request, response);
            presigned.handle(request, response, path[1], path[2], requestId);
            base.setHandled(true);
            return;
        }
        String eventName = path.length == 3 && !path[2].isEmpty() ? creation(request) : null;
        super.handle(target, base, request, response);
        if (eventName != null && response.getStatus() == 200 && events.notifies(path[1])) {
            BlobMetadata blob = store.blobMetadata(path[1], path[2]);
            if (blob == null) return; // a multipart completion that failed after its 200 was sent
            notify(new S3Events.Creation(eventName, path[1], path[2], blob.getContentMetadata().getContentLength(),
                    blob.getETag(), accessKeyId(request), request.getRemoteAddr(), requestId, clock.instant()));
        }
    }

    private void notify(S3Events.Creation creation) {
        int sent = events.created(creation);
        if (sent > 0) LocalLog.info("s3 " + creation.eventName() + " " + creation.bucket() + " -> " + sent + " notification(s)");
    }

    /** The ObjectCreated kind an object request would be, or null for anything else. */
    private static String creation(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        if (request.getMethod().equals("PUT")) {
            // Parts of a multipart upload, ACLs and tags create no object.
            if (request.getParameter("uploadId") != null || request.getParameter("partNumber") != null
                    || request.getParameter("acl") != null || request.getParameter("tagging") != null) return null;
            return request.getHeader("x-amz-copy-source") != null ? "ObjectCreated:Copy" : "ObjectCreated:Put";
        }
        if (request.getMethod().equals("POST") && request.getParameter("uploadId") != null && !query.contains("uploads")) {
            return "ObjectCreated:CompleteMultipartUpload";
        }
        return null;
    }

    /** The access key of a SigV4 header or presigned URL. */
    private static String accessKeyId(HttpServletRequest request) {
        String auth = request.getHeader("Authorization");
        String credential = auth != null && auth.contains("Credential=")
                ? auth.substring(auth.indexOf("Credential=") + 11) : request.getParameter("X-Amz-Credential");
        return credential == null ? "anonymous" : credential.split("[/,]", 2)[0];
    }

    /** S3Proxy's own CORS rules, on the answers it does not write itself. */
    private void corsHeaders(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        if (origin == null || !cors.isOriginAllowed(origin)) return;
        response.addHeader("Access-Control-Allow-Origin", cors.getAllowedOrigin(origin));
        response.addHeader("Access-Control-Allow-Methods", cors.getAllowedMethods());
        response.addHeader("Access-Control-Expose-Headers", cors.getExposedHeaders());
        response.addHeader("Vary", "Origin");
    }
}
