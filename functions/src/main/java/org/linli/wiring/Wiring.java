package org.linli.wiring;

import java.security.PublicKey;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.linli.adapters.dynamo.photos.DynamoPhotoStore;
import org.linli.adapters.s3.S3PhotoObjects;
import org.linli.adapters.s3.SigV4Signer;
import org.linli.adapters.dynamo.cases.DynamoCaseStore;
import org.linli.adapters.dynamo.cases.DynamoCaseTrails;
import org.linli.adapters.dynamo.cases.DynamoReportStore;
import org.linli.adapters.dynamo.cases.DynamoServiceRequests;
import org.linli.adapters.dynamo.cycle.DynamoCommunityActivity;
import org.linli.adapters.dynamo.cycle.DynamoCycleStore;
import org.linli.adapters.dynamo.kpi.DynamoKpiStore;
import org.linli.adapters.dynamo.kpi.DynamoPatrolStore;
import org.linli.adapters.dynamo.notifications.DynamoNotificationStore;
import org.linli.adapters.dynamo.territory.DynamoCommunities;
import org.linli.adapters.dynamo.territory.DynamoDepartmentDirectory;
import org.linli.adapters.dynamo.territory.DynamoImportJobs;
import org.linli.adapters.dynamo.territory.DynamoTerritoryDirectory;
import org.linli.adapters.dynamo.territory.DynamoTerritoryRepository;
import org.linli.adapters.dynamo.territory.DynamoUnitDirectory;
import org.linli.adapters.dynamo.users.DynamoApiKeys;
import org.linli.adapters.dynamo.users.DynamoSubscribers;
import org.linli.adapters.dynamo.users.DynamoUserStore;
import org.linli.adapters.dynamo.volunteer.DynamoGradeStore;
import org.linli.adapters.dynamo.volunteer.DynamoMemberStore;
import org.linli.adapters.dynamo.volunteer.DynamoPointsStore;
import org.linli.adapters.dynamo.volunteer.DynamoServiceLogStore;
import org.linli.adapters.dynamo.volunteer.DynamoVolunteerData;
import org.linli.adapters.dynamo.volunteer.DynamoWishStore;
import org.linli.adapters.secrets.SecretValues;
import org.linli.adapters.sqs.SqsAssignmentQueue;
import org.linli.adapters.sqs.SqsCaseEvents;
import org.linli.adapters.sqs.SqsDispatchQueue;
import org.linli.adapters.sqs.SqsImportQueue;
import org.linli.adapters.sqs.SqsOutbox;
import org.linli.adapters.sqs.SqsRatingQueue;
import org.linli.adapters.sqs.SqsRedelivery;
import org.linli.adapters.wechat.HttpWeChatClient;
import org.linli.adapters.wechat.HttpWeChatLogin;
import org.linli.adapters.wechat.WeChatCredentials;
import org.linli.cases.Assignment;
import org.linli.cases.CaseEventPublisher;
import org.linli.cases.CaseStore;
import org.linli.cases.CaseWorkflow;
import org.linli.cases.DepartmentDirectory;
import org.linli.cases.OverdueSweep;
import org.linli.categories.Categories;
import org.linli.config.AwsClients;
import org.linli.config.Env;
import org.linli.core.RateLimit;
import org.linli.cycle.CommunityAudiences;
import org.linli.cycle.CycleConfig;
import org.linli.cycle.CyclePlanner;
import org.linli.cycle.CycleStore;
import org.linli.cycle.DispatchQueue;
import org.linli.cycle.Dispatcher;
import org.linli.cycle.Summaries;
import org.linli.adapters.dynamo.cases.DynamoPersonalData;
import org.linli.adapters.dynamo.cases.DynamoReporterPhones;
import org.linli.adapters.dynamo.notifications.DynamoSmsLedger;
import org.linli.adapters.dynamo.privacy.DynamoAccessLog;
import org.linli.adapters.tencent.TencentCredentials;
import org.linli.adapters.tencent.TencentSms;
import org.linli.identity.AccessTokens;
import org.linli.identity.AccountCheck;
import org.linli.identity.GrantTargets;
import org.linli.identity.Promotions;
import org.linli.identity.Login;
import org.linli.identity.TokenKeys;
import org.linli.identity.VerifyingKeys;
import org.linli.identity.UserStore;
import org.linli.kpi.CaseTrails;
import org.linli.kpi.KpiFolder;
import org.linli.kpi.KpiSettings;
import org.linli.kpi.KpiStore;
import org.linli.kpi.UnitDirectory;
import org.linli.notify.Delivery;
import org.linli.notify.NotificationStore;
import org.linli.notify.Notifier;
import org.linli.notify.Outbox;
import org.linli.notify.PushTemplates;
import org.linli.notify.Redelivery;
import org.linli.notify.SmsCap;
import org.linli.notify.SmsFallback;
import org.linli.notify.SmsTemplates;
import org.linli.open311.ApiKeys;
import org.linli.open311.ServiceRequests;
import org.linli.patrol.PatrolStore;
import org.linli.privacy.AccessLog;
import org.linli.privacy.ClosedCases;
import org.linli.privacy.ContactReveals;
import org.linli.privacy.Erasures;
import org.linli.privacy.Retention;
import org.linli.photos.PhotoErasure;
import org.linli.photos.PhotoObjects;
import org.linli.photos.PhotoRefs;
import org.linli.photos.PhotoSigner;
import org.linli.photos.PhotoStore;
import org.linli.photos.PhotoValidation;
import org.linli.photos.Uploads;
import org.linli.report.AssignmentQueue;
import org.linli.report.ReportIntake;
import org.linli.report.ReportStore;
import org.linli.report.StuckReports;
import org.linli.territory.Locator;
import org.linli.territory.TerritoryRegistry;
import org.linli.territory.TerritoryRepository;
import org.linli.territory.imports.ImportJobs;
import org.linli.territory.imports.ImportQueue;
import org.linli.territory.imports.ImportRunner;
import org.linli.adapters.dynamo.registers.DynamoHouseholdStore;
import org.linli.adapters.kms.EnvelopeCipher;
import org.linli.adapters.kms.KmsHttpKeyService;
import org.linli.registers.CareCategories;
import org.linli.registers.HouseholdStore;
import org.linli.registers.LedgerImport;
import org.linli.registers.Registers;
import org.linli.territory.AddressMatcher;
import org.linli.volunteer.VolunteerRules;
import org.linli.volunteer.membership.Communities;
import org.linli.volunteer.points.RatingQueue;

/**
 * The composition root: builds every port and domain service a function uses from its environment,
 * once per execution environment, and only when first asked - a function that never touches the
 * volunteer table never builds its store, one that sends no message never builds the SQS client
 * (cold start). Handlers' no-arg constructors ask {@link #current()} for what they use; their
 * other constructors take the same things from tests.
 *
 * <p>Every environment variable of template.yaml is read here and nowhere else, each in one place.
 * The clock is the environment's ({@link Env.Snapshot#clock()}): the system clock on Lambda, the
 * local cloud's - which may run at a fixed or offset time - in the local cloud. On Lambda there is
 * one environment per process, so one Wiring; the local cloud runs all functions in one JVM, each
 * with its own environment, and gets one Wiring per function environment.
 */
public final class Wiring {
    private static final Map<Env.Snapshot, Wiring> BY_ENVIRONMENT = new ConcurrentHashMap<>();

    static final int DEFAULT_PAGE_SIZE = 500;
    static final long DEFAULT_RESERVE_MS = 30_000;

    private final Env.Snapshot env;
    private final Clock clock;

    private Wiring(Env.Snapshot env) {
        this.env = env;
        this.clock = env.clock();
    }

    /** The wiring of this thread's function environment. */
    public static Wiring current() {
        return BY_ENVIRONMENT.computeIfAbsent(Env.current(), Wiring::new);
    }

    public Clock clock() {
        return clock;
    }

    private Env.Snapshot env() {
        return env;
    }

    // ------------------------------------------------------------------ configuration (classpath, environment)

    private final Lazy<Categories> categories = lazy(Categories::fromClasspath);
    private final Lazy<KpiSettings> kpiSettings = lazy(KpiSettings::fromClasspath);
    private final Lazy<CycleConfig> cycleConfig = lazy(CycleConfig::fromClasspath);
    private final Lazy<PushTemplates> pushTemplates = lazy(PushTemplates::fromClasspath);

    public Categories categories() {
        return categories.get();
    }

    public KpiSettings kpiSettings() {
        return kpiSettings.get();
    }

    /** Reports one resident may file per window ({@code REPORT_RATE_LIMIT}; null: no limit). */
    public RateLimit reportRateLimit() {
        return RateLimit.parse("reports", env.getOr("REPORT_RATE_LIMIT", "off"));
    }

    /** Reports one member of staff may file per window, patrol findings included ({@code STAFF_REPORT_RATE_LIMIT}). */
    public RateLimit staffReportRateLimit() {
        return RateLimit.parse("reports", env.getOr("STAFF_REPORT_RATE_LIMIT", "off"));
    }

    /** Wishes one resident may place per window ({@code WISH_RATE_LIMIT}; null: no limit). */
    public RateLimit wishRateLimit() {
        return RateLimit.parse("wishes", env.getOr("WISH_RATE_LIMIT", "off"));
    }

    /** How long before the invocation's end the dispatcher hands its work over ({@code DISPATCH_RESERVE_MS}). */
    public long dispatchReserveMillis() {
        return Long.parseLong(env.getOr("DISPATCH_RESERVE_MS", String.valueOf(DEFAULT_RESERVE_MS)));
    }

    /** The first backoff of a throttled WeChat push, doubled per receive ({@code WECHAT_RETRY_BASE_SECONDS}). */
    public int weChatRetryBaseSeconds() {
        return Integer.parseInt(env.getOr("WECHAT_RETRY_BASE_SECONDS", "30"));
    }

    /** The {@code jurisdiction_id} Open311 clients name ({@code OPEN311_JURISDICTION_ID}). */
    public String open311Jurisdiction() {
        return env.getOr("OPEN311_JURISDICTION_ID", "linli");
    }

    /** The public base URL Open311's discovery names, when the request's own cannot be trusted ({@code OPEN311_PUBLIC_URL}; blank: derived). */
    public String open311PublicUrl() {
        return env.getOr("OPEN311_PUBLIC_URL", "");
    }

    /** Whether this is the production stage ({@code LINLI_STAGE}). */
    public boolean production() {
        return "prod".equals(env.getOr("LINLI_STAGE", "dev"));
    }

    private String casesTable() {
        return env.require("CASES_TABLE");
    }

    private String territoryTable() {
        return env.require("TERRITORY_TABLE");
    }

    private String usersTable() {
        return env.require("USERS_TABLE");
    }

    private String volunteerTable() {
        return env.require("VOLUNTEER_TABLE");
    }

    private String tokenIssuer() {
        return env.require("TOKEN_ISSUER");
    }

    private String weChatApiBaseUrl() {
        return env.require("WECHAT_API_BASE_URL");
    }

    // ------------------------------------------------------------------ reports and cases (CasesTable)

    private final Lazy<DynamoCaseStore> caseStore = lazy(() -> new DynamoCaseStore(AwsClients.dynamo(), casesTable()));
    private final Lazy<ReportStore> reportStore = lazy(() -> new DynamoReportStore(AwsClients.dynamo(), casesTable()));
    private final Lazy<CaseTrails> caseTrails = lazy(() -> new DynamoCaseTrails(AwsClients.dynamo(), casesTable()));
    private final Lazy<ServiceRequests> serviceRequests = lazy(() -> new DynamoServiceRequests(AwsClients.dynamo(), casesTable()));
    private final Lazy<AssignmentQueue> assignmentQueue = lazy(() ->
            new SqsAssignmentQueue(AwsClients.sqs(), env().require("ASSIGNMENT_QUEUE_URL")));
    private final Lazy<CaseEventPublisher> caseEvents = lazy(() -> new SqsCaseEvents(AwsClients.sqs(), env().require("CASE_EVENTS_QUEUE_URL")));
    private final Lazy<CaseWorkflow> caseWorkflow = lazy(() ->
            new CaseWorkflow(caseStore(), caseEvents.get(), departments(), categories(), clock()));

    public CaseStore caseStore() {
        return caseStore.get();
    }

    public ReportStore reportStore() {
        return reportStore.get();
    }

    public CaseTrails caseTrails() {
        return caseTrails.get();
    }

    public ServiceRequests serviceRequests() {
        return serviceRequests.get();
    }

    public AssignmentQueue assignmentQueue() {
        return assignmentQueue.get();
    }

    public CaseWorkflow caseWorkflow() {
        return caseWorkflow.get();
    }

    /** A received report becomes a case: placed on the map, routed, opened (the assignment consumer). */
    public Assignment assignment() {
        return new Assignment(new Locator(territory()), territory(), caseStore(), departments(), caseEvents.get(), categories(), clock);
    }

    /** The case register (事件台账): the cases of a unit, filtered and paged (GET /cases). */
    public org.linli.cases.CaseRegister caseRegister() {
        return new org.linli.cases.CaseRegister(caseStore(), territory(), clock());
    }

    public OverdueSweep overdueSweep() {
        return new OverdueSweep(caseStore(), caseWorkflow(), clock);
    }

    public StuckReports stuckReports() {
        return new StuckReports(reportStore(), assignmentQueue(), clock);
    }

    /** Reports filed by staff on a patrol: the staff limit, no resident limit. */
    public ReportIntake patrolIntake() {
        return new ReportIntake(reportStore(), assignmentQueue(), clock, null, staffReportRateLimit());
    }

    /** The secret shared with the 12345 platform ({@code HOTLINE_SECRET}: a Secrets Manager name), read once per process. */
    public java.util.function.Supplier<byte[]> hotlineSecret() {
        return hotlineSecret.get();
    }

    private final Lazy<java.util.function.Supplier<byte[]>> hotlineSecret = lazy(() ->
            SecretValues.memoized(AwsClients.secrets(), env().require("HOTLINE_SECRET"), org.linli.hotline.HotlineSignature::key));

    /** Work orders of the 12345 platform: one partner, throttled by API Gateway, not per person. */
    public ReportIntake hotlineIntake() {
        return new ReportIntake(reportStore(), assignmentQueue(), clock);
    }

    /** Reports filed through Open311: a partner's key is throttled by API Gateway, not per resident. */
    public ReportIntake open311Intake() {
        return new ReportIntake(reportStore(), assignmentQueue(), clock);
    }

    // ------------------------------------------------------------------ photos (PhotosTable, PhotoBucket)

    private final Lazy<PhotoStore> photoStore = lazy(() -> new DynamoPhotoStore(AwsClients.dynamo(), env().require("PHOTOS_TABLE")));
    private final Lazy<PhotoObjects> photoObjects = lazy(() -> new S3PhotoObjects(AwsClients.s3(), photoBucket()));
    private final Lazy<PhotoSigner> photoSigner = lazy(() -> {
        String region = env().require("AWS_REGION");
        // locally the bucket is path-style under S3Proxy's endpoint; on AWS virtual-hosted over HTTPS
        URI bucketUrl = env().get("LINLI_ENDPOINT_S3").map(e -> URI.create(e.replaceAll("/+$", "") + "/" + photoBucket()))
                .orElseGet(() -> SigV4Signer.awsBucketUrl(photoBucket(), region));
        var provider = AwsClients.signingCredentials();
        return new SigV4Signer(bucketUrl, photoBucket(), region, () -> {
            var c = provider.resolveCredentials();
            return new SigV4Signer.Credentials(c.accessKeyId(), c.secretAccessKey(),
                    c instanceof software.amazon.awssdk.auth.credentials.AwsSessionCredentials sc ? sc.sessionToken() : null);
        }, clock());
    });

    private String photoBucket() {
        return env().require("PHOTO_BUCKET");
    }

    public PhotoStore photoStore() {
        return photoStore.get();
    }

    public PhotoObjects photoObjects() {
        return photoObjects.get();
    }

    /** Upload grants, counted against {@code UPLOAD_RATE_LIMIT} per user. */
    public Uploads uploads() {
        return new Uploads(photoStore(), photoSigner.get(), clock, RateLimit.parse("uploads", env.getOr("UPLOAD_RATE_LIMIT", "off")));
    }

    /** Which photos a write may name; download links for those allowed to see them. */
    public PhotoRefs photoRefs() {
        return new PhotoRefs(photoStore(), photoSigner.get(), clock);
    }

    public PhotoValidation photoValidation() {
        return new PhotoValidation(photoStore(), photoObjects(), clock);
    }

    /** Erases photos by id: for retention and a user's erasure (org.linli.privacy). */
    public PhotoErasure photoErasure() {
        return new PhotoErasure(photoStore(), photoObjects());
    }

    // ------------------------------------------------------------------ territory (TerritoryTable)

    private final Lazy<DynamoTerritoryDirectory> territory = lazy(() -> new DynamoTerritoryDirectory(AwsClients.dynamo(),
            territoryTable(), clock(), Duration.ofSeconds(Long.parseLong(env().getOr("MAP_CACHE_SECONDS",
            String.valueOf(DynamoTerritoryDirectory.POINTER_TTL.toSeconds()))))));
    private final Lazy<DepartmentDirectory> departments = lazy(() -> new DynamoDepartmentDirectory(AwsClients.dynamo(), territoryTable()));
    private final Lazy<DynamoCommunities> communities = lazy(() -> new DynamoCommunities(AwsClients.dynamo(), territoryTable(), clock()));
    private final Lazy<UnitDirectory> units = lazy(() -> new DynamoUnitDirectory(AwsClients.dynamo(), territoryTable(), clock()));
    private final Lazy<ImportJobs> importJobs = lazy(() -> new DynamoImportJobs(AwsClients.dynamo(), territoryTable(), clock()));
    private final Lazy<ImportQueue> importQueue = lazy(() -> new SqsImportQueue(AwsClients.sqs(), env().require("IMPORT_QUEUE_URL")));

    /** The registry, its current-map pointer cached for {@code MAP_CACHE_SECONDS} (30 s). */
    public TerritoryRegistry territory() {
        return territory.get();
    }

    public DepartmentDirectory departments() {
        return departments.get();
    }

    public Communities communities() {
        return communities.get();
    }

    public UnitDirectory units() {
        return units.get();
    }

    public ImportJobs importJobs() {
        return importJobs.get();
    }

    public ImportQueue importQueue() {
        return importQueue.get();
    }

    /**
     * The import worker's run: it reads the map it is replacing without a cache, and writes progress each second;
     * a community's register ledger goes to the registers' LedgerImport (when the function has REGISTERS_TABLE).
     */
    public ImportRunner importRunner() {
        TerritoryRepository repository = new DynamoTerritoryRepository(AwsClients.dynamo(), territoryTable(), clock);
        ImportRunner.LedgerImports ledgers = env().get("REGISTERS_TABLE").isPresent()
                ? new LedgerImport(registers(), householdStore.get(), new AddressMatcher(territory()), clock) : null;
        var territory = new DynamoTerritoryDirectory(AwsClients.dynamo(), territoryTable(), clock, Duration.ZERO);
        // The day's 12345 orders ride the same pipeline (docs/hotline.md): filed like pushed orders.
        var orders = new org.linli.hotline.OrderImport(new org.linli.hotline.HotlineIntake(hotlineIntake(),
                new org.linli.territory.Locator(territory()), new org.linli.territory.AddressMatcher(territory())), categories());
        return new ImportRunner(importJobs(), territory, repository, clock, Duration.ofSeconds(1), ledgers,
                java.util.List.of(orders));
    }

    // ------------------------------------------------------------------ registers (RegistersTable, the register key in KMS)

    private final Lazy<EnvelopeCipher> registerCipher = lazy(() -> {
        String region = env().require("AWS_REGION");
        URI endpoint = env().get("LINLI_ENDPOINT_KMS").map(URI::create).orElseGet(() -> KmsHttpKeyService.awsEndpoint(region));
        var provider = AwsClients.signingCredentials();
        return new EnvelopeCipher(new KmsHttpKeyService(endpoint, region, env().require("REGISTER_KEY_ID"), () -> {
            var c = provider.resolveCredentials();
            return new SigV4Signer.Credentials(c.accessKeyId(), c.secretAccessKey(),
                    c instanceof software.amazon.awssdk.auth.credentials.AwsSessionCredentials sc ? sc.sessionToken() : null);
        }, clock()), clock());
    });
    private final Lazy<HouseholdStore> householdStore = lazy(() -> new DynamoHouseholdStore(AwsClients.dynamo(),
            env().require("REGISTERS_TABLE"), registerCipher.get()));

    /** Households and care registers: who sees what; care categories from {@code CARE_CATEGORIES} (default: CareCategories.DEFAULT). */
    public Registers registers() {
        return new Registers(householdStore.get(), territory(), CareCategories.parse(env.getOr("CARE_CATEGORIES", CareCategories.DEFAULT)),
                clock);
    }

    /** 包联 visits: the register, the visits and their counters (RegistersTable, KpiTable), findings through the patrol intake. */
    public org.linli.registers.Visits visits() {
        return new org.linli.registers.Visits(registers(), householdStore.get(),
                new org.linli.adapters.dynamo.kpi.DynamoVisitStore(AwsClients.dynamo(), env().require("REGISTERS_TABLE"), kpiTable()),
                patrolIntake(), clock);
    }

    // ------------------------------------------------------------------ identity (UsersTable, secrets, WeChat)

    private final Lazy<UserStore> users = lazy(() -> new DynamoUserStore(AwsClients.dynamo(), usersTable()));
    private final Lazy<Supplier<WeChatCredentials>> weChatCredentials = lazy(() ->
            SecretValues.memoized(AwsClients.secrets(), env().require("WECHAT_SECRET"), WeChatCredentials::fromSecretJson));

    public UserStore users() {
        return users.get();
    }

    private final Lazy<AccountCheck> accountCheck = lazy(() -> new AccountCheck(users()));
    private final Lazy<AccessLog> accessLog = lazy(() -> new DynamoAccessLog(AwsClients.dynamo(), env().require("ACCESS_LOG_TABLE")));

    private final Lazy<DynamoPersonalData> personalData = lazy(() -> new DynamoPersonalData(AwsClients.dynamo(), casesTable()));

    /** The retention index of closed cases (written by the case-event consumer, read by the retention job). */
    public ClosedCases closedCases() {
        return personalData.get();
    }

    public ContactReveals contactReveals() {
        return new ContactReveals(reportStore(), caseStore(), accessLog());
    }

    public Erasures erasures() {
        return new Erasures(users(), new Promotions(users(), GrantTargets.NONE, clock()), reportStore(), personalData.get(), clock(),
                photoEraser(), new DynamoVolunteerData(AwsClients.dynamo(), volunteerTable()));
    }

    /** The retention policy: RETENTION_DAYS (template parameter RetentionDays, default 180) after a case closed. */
    public Retention retention() {
        return new Retention(personalData.get(), personalData.get(), java.time.Duration.ofDays(Integer.parseInt(env().getOr("RETENTION_DAYS", "180"))), clock(),
                photoEraser());
    }

    /** Photos erased with the data that named them (only functions given the photo bucket erase objects). */
    private org.linli.privacy.PhotoEraser photoEraser() {
        return ids -> {
            if (!ids.isEmpty()) photoErasure().erase(ids);
        };
    }

    /** The access log (built on first use: only functions that show personal data whole have ACCESS_LOG_TABLE). */
    public AccessLog accessLog() {
        return accessLog.get();
    }

    /** The check of the caller's account before writes and reads of personal data (every API function). */
    public AccountCheck accountCheck() {
        return accountCheck.get();
    }

    public ApiKeys apiKeys() {
        return new DynamoApiKeys(AwsClients.dynamo(), usersTable());
    }

    public AccessTokens accessTokens() {
        return new AccessTokens(tokenIssuer());
    }

    /** The keys the authorizer verifies with, by kid ({@code TOKEN_PUBLIC_KEYS}, a JWK Set). */
    public VerifyingKeys tokenVerifyingKeys() {
        return VerifyingKeys.fromJwkSet(env.require("TOKEN_PUBLIC_KEYS"));
    }

    /** How long a login function signs with the key it read: well under a token's lifetime. */
    public static final Duration TOKEN_KEYS_MAX_AGE = Duration.ofMinutes(5);

    public Login login() {
        // Re-read every few minutes: a promoted key reaches every warm login function well before the
        // old one is retired (docs/operations.md, "Rotating the token key").
        var keys = SecretValues.refreshing(AwsClients.secrets(), env.require("TOKEN_KEYS_SECRET"), TokenKeys::fromSecretJson,
                TOKEN_KEYS_MAX_AGE, clock);
        return new Login(new HttpWeChatLogin(weChatApiBaseUrl(), weChatCredentials.get()), users(), accessTokens(), keys, clock);
    }

    // ------------------------------------------------------------------ notifications (NotificationsTable, queues, WeChat)

    private final Lazy<NotificationStore> notificationStore = lazy(() ->
            new DynamoNotificationStore(AwsClients.dynamo(), env().require("NOTIFICATIONS_TABLE")));
    private final Lazy<Outbox> outbox = lazy(() -> new SqsOutbox(AwsClients.sqs(), notificationQueueUrl()));

    private String notificationQueueUrl() {
        return env.require("NOTIFICATION_QUEUE_URL");
    }

    public NotificationStore notificationStore() {
        return notificationStore.get();
    }

    /** Who hears of a case event: inbox items, and pushes for the notification queue. */
    public Notifier notifier() {
        return new Notifier(territory(), notificationStore(), outbox.get(), pushTemplates.get());
    }

    /** The inbox write and the WeChat subscribe message of each notification, once. */
    public Delivery delivery() {
        var wechat = new HttpWeChatClient(weChatApiBaseUrl(), weChatCredentials.get(),
                env.getOr("WECHAT_MINIPROGRAM_STATE", "formal"), clock);
        return new Delivery(notificationStore(), pushTemplates.get(),
                new DynamoSubscribers(AwsClients.dynamo(), usersTable()), wechat, clock, smsFallback());
    }

    /**
     * The SMS fallback of delivery (docs/sms.md), or null when this deployment has no SMS
     * ({@code SMS_SDK_APP_ID} blank or unset, or no template id set): Tencent Cloud SMS at
     * {@code SMS_API_ENDPOINT} ({@code SMS_REGION}), signed with the key pair in {@code SMS_SECRET},
     * as {@code SMS_SIGN_NAME}, with the templates {@code SMS_TEMPLATE_CASE_ACCEPTED},
     * {@code SMS_TEMPLATE_CASE_FED_BACK}, {@code SMS_TEMPLATE_CASE_CLOSED}, at most
     * {@code SMS_DAILY_CAP} a phone a day.
     */
    public SmsFallback smsFallback() {
        String appId = env.getOr("SMS_SDK_APP_ID", "");
        if (appId.isBlank()) return null;
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        ids.put("case.accepted", env.getOr("SMS_TEMPLATE_CASE_ACCEPTED", ""));
        ids.put("case.fed_back", env.getOr("SMS_TEMPLATE_CASE_FED_BACK", ""));
        ids.put("case.closed", env.getOr("SMS_TEMPLATE_CASE_CLOSED", ""));
        var templates = new SmsTemplates(ids,
                new SmsCap(Integer.parseInt(env.getOr("SMS_DAILY_CAP", "10"))));
        if (!templates.any()) return null;
        var gateway = new TencentSms(env.require("SMS_API_ENDPOINT"), env.require("SMS_REGION"), appId,
                env.require("SMS_SIGN_NAME"), smsCredentials.get(), clock);
        return new SmsFallback(templates,
                new DynamoReporterPhones(AwsClients.dynamo(), casesTable()),
                new DynamoSmsLedger(AwsClients.dynamo(), env().require("NOTIFICATIONS_TABLE")),
                gateway, clock);
    }

    private final Lazy<Supplier<TencentCredentials>> smsCredentials = lazy(() ->
            SecretValues.memoized(AwsClients.secrets(), env().require("SMS_SECRET"),
                    TencentCredentials::fromSecretJson));

    // ------------------------------------------------------------------ hotline status reports out (HotlineOutboxQueue)

    private final Lazy<org.linli.hotline.HotlineOutbox> hotlineOutbox = lazy(() ->
            new org.linli.adapters.sqs.SqsHotlineOutbox(AwsClients.sqs(), env().require("HOTLINE_OUTBOX_QUEUE_URL")));

    /** The case event stream's reader that puts a work order's status reports in the outbox. */
    public org.linli.hotline.StatusReports statusReports() {
        return new org.linli.hotline.StatusReports(caseStore(), hotlineOutbox.get(),
                new org.linli.adapters.dynamo.cases.DynamoReportedVersions(AwsClients.dynamo(), casesTable()));
    }

    /** Sends the outbox's reports to the platform ({@code HOTLINE_PLATFORM_URL}), signed with the shared secret. */
    public org.linli.hotline.StatusPusher statusPusher() {
        return new org.linli.hotline.StatusPusher(hotlineSecret(),
                new org.linli.adapters.hotline.HttpHotlinePlatform(env().getOr("HOTLINE_PLATFORM_URL", "")), photoSigner.get(), clock());
    }

    /** Backs off the outbox's failed reports (ChangeMessageVisibility on the FIFO queue; the order's later reports wait). */
    public Redelivery hotlineRedelivery() {
        return new SqsRedelivery(AwsClients.sqs(), env().require("HOTLINE_OUTBOX_QUEUE_URL"));
    }

    public int hotlineRetryBaseSeconds() {
        return Integer.parseInt(env.getOr("HOTLINE_RETRY_BASE_SECONDS", "30"));
    }

    public Redelivery redelivery() {
        return new SqsRedelivery(AwsClients.sqs(), notificationQueueUrl());
    }

    // ------------------------------------------------------------------ KPIs and patrols (KpiTable)

    private final Lazy<KpiStore> kpiStore = lazy(() -> new DynamoKpiStore(AwsClients.dynamo(), kpiTable()));

    private String kpiTable() {
        return env.require("KPI_TABLE");
    }

    public KpiStore kpiStore() {
        return kpiStore.get();
    }

    public KpiFolder kpiFolder() {
        return new KpiFolder(caseTrails(), kpiStore());
    }

    public PatrolStore patrolStore() {
        return new DynamoPatrolStore(AwsClients.dynamo(), kpiTable());
    }

    // ------------------------------------------------------------------ the monthly cycle (CycleTable, dispatch queue)

    private final Lazy<CycleStore> cycleStore = lazy(() -> new DynamoCycleStore(AwsClients.dynamo(), env().require("CYCLE_TABLE")));
    private final Lazy<DispatchQueue> dispatchQueue = lazy(() -> new SqsDispatchQueue(AwsClients.sqs(), env().require("DISPATCH_QUEUE_URL")));

    public CycleStore cycleStore() {
        return cycleStore.get();
    }

    public CyclePlanner cyclePlanner() {
        return new CyclePlanner(cycleConfig.get(), communities.get(), dispatchQueue.get());
    }

    /** A community's 包联 persons with households still to visit this period (REGISTERS_TABLE; nothing decrypted). */
    private java.util.function.Function<String, Map<String, Integer>> visitsDue() {
        var store = new org.linli.adapters.dynamo.kpi.DynamoVisitStore(AwsClients.dynamo(), env.require("REGISTERS_TABLE"), kpiTable());
        return community -> org.linli.registers.Visits.stillDue(store.boundIn(community), clock.instant());
    }

    /** At the month's first step: a community's bound households whose period begins now are counted due (RegistersTable, KpiTable). */
    private java.util.function.ToIntFunction<String> visitPeriodsBegun() {
        var store = new org.linli.adapters.dynamo.kpi.DynamoVisitStore(AwsClients.dynamo(), env.require("REGISTERS_TABLE"), kpiTable());
        var territory = territory();
        return community -> org.linli.registers.Visits.periodsBegun(store,
                (c, building) -> org.linli.registers.Registers.pathOf(territory, c, building), community, clock.instant());
    }

    /** A community's worth of reminders, page by page ({@code DISPATCH_PAGE_SIZE}). */
    public Dispatcher dispatcher() {
        var wishes = volunteerPorts().wishes();
        var activity = new DynamoCommunityActivity(AwsClients.dynamo(), volunteerTable());
        var audiences = new CommunityAudiences(communities(), territory(), volunteerPorts().members(), wishes, caseStore(),
                new Summaries(wishes, activity, kpiStore(), cycleStore(), serviceHours(), clock), visitsDue(), visitPeriodsBegun(), clock);
        return new Dispatcher(cycleConfig.get(), cycleStore(), audiences, outbox.get(), dispatchQueue.get(), clock,
                Integer.parseInt(env.getOr("DISPATCH_PAGE_SIZE", String.valueOf(DEFAULT_PAGE_SIZE))));
    }

    // ------------------------------------------------------------------ volunteers (VolunteerTable, ratings queue)

    private final Lazy<RatingQueue> ratingQueue = lazy(() -> new SqsRatingQueue(AwsClients.sqs(), env().require("RATINGS_QUEUE_URL")));
    private final Lazy<VolunteerPorts> volunteerPorts = lazy(() -> {
        var dynamo = AwsClients.dynamo();
        String table = volunteerTable();
        // Not every volunteer function looks up communities or sends ratings (the rating consumer does
        // neither): those two are built on first use, and fail then if the template gave no table or queue.
        Communities communityLookup = code -> communities().find(code);
        RatingQueue ratings = event -> ratingQueue.get().send(event);
        return new VolunteerPorts(new DynamoMemberStore(dynamo, table), new DynamoWishStore(dynamo, table),
                new DynamoServiceLogStore(dynamo, table), new DynamoPointsStore(dynamo, table), new DynamoGradeStore(dynamo, table),
                communityLookup, ratings, VolunteerRules.fromClasspath());
    });

    public VolunteerPorts volunteerPorts() {
        return volunteerPorts.get();
    }

    // ------------------------------------------------------------------ organisations (VolunteerTable) and 议事协商 (CasesTable)

    private final Lazy<org.linli.organisations.OrganisationStore> organisationStore = lazy(() ->
            new org.linli.adapters.dynamo.organisations.DynamoOrganisationStore(AwsClients.dynamo(), volunteerTable()));
    private final Lazy<org.linli.consultations.ConsultationStore> consultationStore = lazy(() ->
            new org.linli.adapters.dynamo.consultations.DynamoConsultationStore(AwsClients.dynamo(), casesTable()));

    public org.linli.organisations.OrganisationStore organisationStore() {
        return organisationStore.get();
    }

    public org.linli.organisations.Organisations organisations() {
        return new org.linli.organisations.Organisations(organisationStore(), communities(), volunteerPorts().members(), clock);
    }

    /** Verified hours per organisation: the one path of the monthly summary and the year-end view. */
    public org.linli.organisations.ServiceHours serviceHours() {
        return new org.linli.organisations.ServiceHours(organisationStore(), volunteerPorts().points()::leaderboard);
    }

    public org.linli.consultations.Consultations consultations() {
        return new org.linli.consultations.Consultations(consultationStore.get(), caseStore(), caseWorkflow(), communities(),
                organisationStore(), departments(), outbox.get(), clock);
    }

    // ------------------------------------------------------------------ once, on first use

    private static <T> Lazy<T> lazy(Supplier<T> build) {
        return new Lazy<>(build);
    }

    /** A part built on first use and kept: double-checked, so concurrent first calls build it once. */
    private static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> build;
        private volatile T value;

        Lazy(Supplier<T> build) {
            this.build = build;
        }

        @Override
        public T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) value = v = build.get();
                }
            }
            return v;
        }
    }
}
