package org.linli.wiring;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
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
import org.linli.identity.AccessTokens;
import org.linli.identity.Login;
import org.linli.identity.TokenKeys;
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
import org.linli.open311.ApiKeys;
import org.linli.open311.ServiceRequests;
import org.linli.patrol.PatrolStore;
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

    /** Reports filed through Open311: a partner's key is throttled by API Gateway, not per resident. */
    public ReportIntake open311Intake() {
        return new ReportIntake(reportStore(), assignmentQueue(), clock);
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

    /** The import worker's run: it reads the map it is replacing without a cache, and writes progress each second. */
    public ImportRunner importRunner() {
        TerritoryRepository repository = new DynamoTerritoryRepository(AwsClients.dynamo(), territoryTable(), clock);
        return new ImportRunner(importJobs(), new DynamoTerritoryDirectory(AwsClients.dynamo(), territoryTable(), clock, Duration.ZERO),
                repository, clock, Duration.ofSeconds(1));
    }

    // ------------------------------------------------------------------ identity (UsersTable, secrets, WeChat)

    private final Lazy<UserStore> users = lazy(() -> new DynamoUserStore(AwsClients.dynamo(), usersTable()));
    private final Lazy<Supplier<WeChatCredentials>> weChatCredentials = lazy(() ->
            SecretValues.memoized(AwsClients.secrets(), env().require("WECHAT_SECRET"), WeChatCredentials::fromSecretJson));

    public UserStore users() {
        return users.get();
    }

    public ApiKeys apiKeys() {
        return new DynamoApiKeys(AwsClients.dynamo(), usersTable());
    }

    public AccessTokens accessTokens() {
        return new AccessTokens(tokenIssuer());
    }

    /** The key the authorizer verifies with ({@code TOKEN_PUBLIC_KEY}). */
    public PublicKey tokenPublicKey() {
        return TokenKeys.publicKey(env.require("TOKEN_PUBLIC_KEY"));
    }

    public Login login() {
        var keys = SecretValues.memoized(AwsClients.secrets(), env.require("TOKEN_KEYS_SECRET"), TokenKeys::fromSecretJson);
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
                new DynamoSubscribers(AwsClients.dynamo(), usersTable()), wechat, clock);
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

    /** A community's worth of reminders, page by page ({@code DISPATCH_PAGE_SIZE}). */
    public Dispatcher dispatcher() {
        var wishes = volunteerPorts().wishes();
        var activity = new DynamoCommunityActivity(AwsClients.dynamo(), caseStore.get(), volunteerTable());
        var audiences = new CommunityAudiences(communities(), territory(), volunteerPorts().members(), wishes, caseStore(),
                new Summaries(wishes, activity, cycleStore(), clock), clock);
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
