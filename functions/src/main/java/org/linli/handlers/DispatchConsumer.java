package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import org.linli.adapters.dynamo.DynamoCaseStore;
import org.linli.adapters.dynamo.DynamoCommunities;
import org.linli.adapters.dynamo.DynamoCommunityActivity;
import org.linli.adapters.dynamo.DynamoCycleStore;
import org.linli.adapters.dynamo.DynamoMemberStore;
import org.linli.adapters.dynamo.DynamoTerritoryDirectory;
import org.linli.adapters.dynamo.DynamoWishStore;
import org.linli.adapters.sqs.DispatchMessage;
import org.linli.adapters.sqs.SqsDispatchQueue;
import org.linli.adapters.sqs.SqsOutbox;
import org.linli.config.AwsClients;
import org.linli.config.Env;
import org.linli.cycle.CommunityAudiences;
import org.linli.cycle.CycleConfig;
import org.linli.cycle.Dispatcher;
import org.linli.cycle.Summaries;
import org.linli.observability.Log;

/**
 * Consumes the dispatch queue (batch size 1: each message is a community's worth of work): runs
 * the {@link Dispatcher} from the checkpoint until done or until {@code DISPATCH_RESERVE_MS}
 * before the invocation's end, when it puts the work back on the queue and returns.
 */
public final class DispatchConsumer implements RequestHandler<SQSEvent, SQSBatchResponse> {
    static final int DEFAULT_PAGE_SIZE = 500;
    static final long DEFAULT_RESERVE_MS = 30_000;

    private final Dispatcher dispatcher;
    private final long reserveMillis;

    public DispatchConsumer() {
        this(build(), Long.parseLong(Env.getOr("DISPATCH_RESERVE_MS", String.valueOf(DEFAULT_RESERVE_MS))));
    }

    public DispatchConsumer(Dispatcher dispatcher, long reserveMillis) {
        this.dispatcher = dispatcher;
        this.reserveMillis = reserveMillis;
    }

    private static Dispatcher build() {
        var dynamo = AwsClients.dynamo();
        var clock = Clock.systemUTC();
        String territory = Env.require("TERRITORY_TABLE");
        String volunteers = Env.require("VOLUNTEER_TABLE");
        var store = new DynamoCycleStore(dynamo, Env.require("CYCLE_TABLE"));
        var cases = new DynamoCaseStore(dynamo, Env.require("CASES_TABLE"));
        var wishes = new DynamoWishStore(dynamo, volunteers);
        var activity = new DynamoCommunityActivity(dynamo, cases, volunteers);
        var audiences = new CommunityAudiences(new DynamoCommunities(dynamo, territory, clock),
                new DynamoTerritoryDirectory(dynamo, territory, clock), new DynamoMemberStore(dynamo, volunteers), wishes, cases,
                new Summaries(wishes, activity, store, clock), clock);
        return new Dispatcher(CycleConfig.fromClasspath(), store, audiences,
                new SqsOutbox(AwsClients.sqs(), Env.require("NOTIFICATION_QUEUE_URL")),
                new SqsDispatchQueue(AwsClients.sqs(), Env.require("DISPATCH_QUEUE_URL")), clock,
                Integer.parseInt(Env.getOr("DISPATCH_PAGE_SIZE", String.valueOf(DEFAULT_PAGE_SIZE))));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return MessageLoop.run(event, "dispatch", DispatchMessage::decode, "cycleId", w -> w.cycleId(), (work, messageId) -> {
            Dispatcher.Result r = dispatcher.run(work,
                    () -> context == null ? Long.MAX_VALUE : context.getRemainingTimeInMillis(), reserveMillis);
            Log.info("dispatch." + r.stop().name().toLowerCase(), "cycleId", work.cycleId(), "community", work.community(),
                    "pages", r.pages(), "sent", r.sent(), "totalSent", r.checkpoint().sent(), "totalPages", r.checkpoint().pages(),
                    "messageId", messageId);
        });
    }
}
