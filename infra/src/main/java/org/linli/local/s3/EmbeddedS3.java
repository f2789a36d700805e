package org.linli.local.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;
import org.jclouds.filesystem.FilesystemApiMetadata;
import org.jclouds.filesystem.reference.FilesystemConstants;
import org.linli.local.template.BucketDef;
import org.linli.local.template.TemplateException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * S3 for the local cloud: S3Proxy on 127.0.0.1 and a free port, signature V2/V4 with the local
 * credentials, over a jclouds blob store - in memory, or files under {@code dataDir} that outlive
 * a restart. The template's buckets are created, their CORS rules applied (S3Proxy has one set
 * for the whole endpoint, so every bucket must share it) and their ObjectCreated notifications
 * delivered; form POSTs are handled by {@link PostUpload}. Start {@link #store} early (building
 * the blob store is most of the start-up time) and {@link #start} once the template is read.
 */
public final class EmbeddedS3 implements AutoCloseable {
    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final Path spool;
    private final URI endpoint;
    private final String description;

    private EmbeddedS3(BlobStoreContext context, S3Proxy proxy, Path spool, String description) {
        this.context = context;
        this.proxy = proxy;
        this.spool = spool;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        this.description = description;
    }

    /** The blob store: files under {@code dataDir} (kept across restarts), or memory when null. */
    public static BlobStoreContext store(Path dataDir) {
        Properties properties = new Properties();
        // By metadata rather than by name: a name makes jclouds load every provider on the classpath,
        // S3Proxy's Azure one included, whose SDK is left out.
        if (dataDir == null) {
            return ContextBuilder.newBuilder(new TransientApiMetadata()).overrides(properties).buildView(BlobStoreContext.class);
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the S3 data directory " + dataDir, e);
        }
        properties.setProperty(FilesystemConstants.PROPERTY_BASEDIR, dataDir.toString());
        return ContextBuilder.newBuilder(new FilesystemApiMetadata()).overrides(properties).buildView(BlobStoreContext.class);
    }

    /**
     * Serves {@code context}'s blob store with the template's buckets; the store is closed with
     * this S3 (or here, if the start fails).
     *
     * @param secrets   access key id to secret key (the local credentials)
     * @param queueUrls queue logical id to URL, for notifications
     */
    public static EmbeddedS3 start(BlobStoreContext context, String where, Collection<BucketDef> buckets, Map<String, String> secrets,
                                   String region, SqsClient sqs, Function<String, String> queueUrls, Clock clock) {
        Path spool = null;
        try {
            spool = Files.createTempDirectory("linli-s3-forms");
            BlobStore store = context.getBlobStore();
            for (BucketDef b : buckets) {
                if (!store.containerExists(b.bucketName())) store.createContainerInLocation(null, b.bucketName());
            }
            CrossOriginResourceSharing cors = cors(buckets);
            Map.Entry<String, String> credentials = secrets.entrySet().iterator().next();
            S3Proxy proxy = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, credentials.getKey(), credentials.getValue())
                    .corsRules(cors).build();
            BucketEvents events = new BucketEvents(region, buckets, sqs, queueUrls);
            S3Front front = new S3Front(store, events, new PostUpload(store, secrets, region, clock, spool),
                    new PresignedGet(store, secrets, region, clock), cors, clock);
            Server server = server(proxy);
            front.setHandler(server.getHandler());
            server.setHandler(front);
            proxy.start();
            events.announce(clock.instant());
            return new EmbeddedS3(context, proxy, spool, where);
        } catch (Exception e) {
            context.close();
            delete(spool);
            if (e instanceof RuntimeException re) throw re;
            throw new IllegalStateException("S3Proxy did not start: " + e.getMessage(), e);
        }
    }

    /** S3Proxy builds its Jetty server privately; the front goes in before it starts. */
    private static Server server(S3Proxy proxy) throws ReflectiveOperationException {
        Field f = S3Proxy.class.getDeclaredField("server");
        f.setAccessible(true);
        return (Server) f.get(proxy);
    }

    /**
     * S3 CORS rules to S3Proxy's one set: origins with S3's single {@code *} wildcard become
     * patterns. Buckets without rules refuse cross-origin requests on AWS but would share the
     * endpoint's here, so all buckets must agree.
     */
    static CrossOriginResourceSharing cors(Collection<BucketDef> buckets) {
        List<List<BucketDef.CorsRule>> distinct = buckets.stream().map(BucketDef::corsRules).distinct().toList();
        if (distinct.size() > 1 || (!distinct.isEmpty() && distinct.get(0).size() > 1)) {
            throw new TemplateException("the local S3 (S3Proxy) applies one CORS rule to every bucket; the template's buckets have "
                    + distinct + " (give every bucket the same single CorsRules entry, or none)");
        }
        if (distinct.isEmpty() || distinct.get(0).isEmpty()) {
            // No rule: no cross-origin request is allowed (S3Proxy's own default would allow every origin).
            return new CrossOriginResourceSharing(List.of(), List.of(), List.of(), List.of(), "");
        }
        BucketDef.CorsRule rule = distinct.get(0).get(0);
        List<String> origins = new ArrayList<>();
        for (String origin : rule.allowedOrigins()) {
            origins.add(origin.equals("*") ? "*" : Stream.of(origin.split("\\*", -1)).map(Pattern::quote)
                    .reduce((a, b) -> a + ".*" + b).orElse(""));
        }
        return new CrossOriginResourceSharing(origins, rule.allowedMethods(), rule.allowedHeaders(), rule.exposedHeaders(), "");
    }

    public URI endpoint() {
        return endpoint;
    }

    /** For the start-up summary: where objects are kept. */
    public String description() {
        return description;
    }

    public BlobStore blobStore() {
        return context.getBlobStore();
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            System.err.println("[local] S3Proxy did not stop cleanly: " + e);
        }
        context.close();
        delete(spool);
    }

    private static void delete(Path dir) {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory: the OS cleans it eventually.
        }
    }
}
