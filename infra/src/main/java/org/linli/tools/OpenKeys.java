package org.linli.tools;

import org.linli.adapters.dynamo.users.DynamoApiKeys;
import org.linli.core.Ids;
import org.linli.json.Json;
import org.linli.open311.ApiKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Open311 API keys for the demo and the CLI: the registered key and the pseudonymous user its reports are filed as. */
public final class OpenKeys {
    /** The local demo's key, scoped to the whole demo district; documented in docs/open311.md. */
    public static final String DEMO_KEY = "demo-open311-key";
    /** A demo key scoped to 西城街道 only. */
    public static final String DEMO_KEY_WEST = "demo-open311-key-west";

    private OpenKeys() {}

    public static ApiKeys.ApiKey key(String name, String scope) {
        return new ApiKeys.ApiKey(name, scope, Ids.derived("usr", "open311", name));
    }

    static void seed(DynamoDbClient dynamo, String usersTable) {
        DynamoApiKeys keys = new DynamoApiKeys(dynamo, usersTable);
        keys.save(DEMO_KEY, key("demo-third-party", DemoTerritory.ROOT));
        keys.save(DEMO_KEY_WEST, key("demo-west-street-app", "DEMO-W"));
    }

    /** The users-table item (DynamoDB JSON) registering {@code apiKey}, for {@code aws dynamodb put-item --item}. */
    static String item(String apiKey, String name, String scope) {
        ApiKeys.ApiKey k = key(name, scope);
        var o = Json.object();
        o.putObject("pk").put("S", "APIKEY#" + DynamoApiKeys.sha256(apiKey));
        o.putObject("sk").put("S", "APIKEY");
        o.putObject("type").put("S", "APIKEY");
        o.putObject("name").put("S", k.name());
        o.putObject("scope").put("S", k.scope());
        o.putObject("reporterId").put("S", k.reporterId());
        o.putObject("active").put("BOOL", true);
        return Json.write(o);
    }
}
