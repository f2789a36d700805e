package org.linli.tools;

import java.io.PrintStream;
import java.util.Arrays;
import org.linli.identity.TokenKeys;

/**
 * Command-line tools for operators. {@code keys [kid]} prints a new token key pair as the JSON
 * the {@code TokenKeysSecretName} secret holds, to create before the first deployment:
 * <pre>
 *   mvn -q -pl infra exec:java -Dexec.mainClass=org.linli.tools.Cli -Dexec.args="keys k-2026-11" &gt; keys.json
 *   aws secretsmanager create-secret --name linli/token-keys --secret-string file://keys.json
 * </pre>
 * {@code open311-key NAME SCOPE} prints a new Open311 API key for a third party whose requests
 * must fall within territory node SCOPE, and the users-table item that registers it (only the
 * key's SHA-256 is stored):
 * <pre>
 *   mvn -q -pl infra exec:java -Dexec.mainClass=org.linli.tools.Cli -Dexec.args="open311-key hotline-12345 DEMO"
 * </pre>
 */
public final class Cli {
    private Cli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: keys [kid] | open311-key NAME SCOPE");
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "keys" -> {
                out.println(TokenKeys.generate(rest.length > 0 ? rest[0] : "k1").toSecretJson());
                return 0;
            }
            case "open311-key" -> {
                if (rest.length != 2) {
                    err.println("usage: open311-key NAME SCOPE");
                    return 2;
                }
                byte[] random = new byte[24];
                new java.security.SecureRandom().nextBytes(random);
                String key = "o311_" + java.util.HexFormat.of().formatHex(random);
                out.println(org.linli.json.Json.write(org.linli.json.Json.object().put("apiKey", key)
                        .set("item", org.linli.json.Json.parse(OpenKeys.item(key, rest[0], rest[1])))));
                return 0;
            }
            default -> {
                err.println("unknown command " + args[0] + "; usage: keys [kid] | open311-key NAME SCOPE");
                return 2;
            }
        }
    }
}
