package org.linli.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** AWS::Serverless::HttpApi properties to an {@link HttpApiDef}: its authorizers. */
final class HttpApiReader {
    private HttpApiReader() {}

    static HttpApiDef read(String logicalId, String apiId, Map<String, Object> p, Lookup lookup) {
        Map<String, Object> auth = Values.map(p.get("Auth"));
        Map<String, HttpApiDef.Authorizer> authorizers = new LinkedHashMap<>();
        Values.map(auth.get("Authorizers")).forEach((name, def) ->
                authorizers.put(name, authorizer(logicalId, name, Values.map(def), lookup)));
        String defaultAuthorizer = Values.str(auth.get("DefaultAuthorizer"));
        if (defaultAuthorizer != null && !defaultAuthorizer.equals("NONE") && !authorizers.containsKey(defaultAuthorizer)) {
            throw new TemplateException(logicalId + ": DefaultAuthorizer " + defaultAuthorizer + " is not among Authorizers " + authorizers.keySet());
        }
        return new HttpApiDef(logicalId, apiId, "NONE".equals(defaultAuthorizer) ? null : defaultAuthorizer, authorizers);
    }

    private static HttpApiDef.Authorizer authorizer(String apiId, String name, Map<String, Object> a, Lookup lookup) {
        String where = apiId + ".Auth.Authorizers." + name;
        Map<String, Object> identity = Values.map(a.get("Identity"));
        if (a.containsKey("JwtConfiguration")) {
            return new HttpApiDef.Authorizer(name, "JWT", null, List.of(), 0, false, "2.0");
        }
        String functionArn = Values.str(a.get("FunctionArn"));
        String function = lookup.functionForArn(functionArn);
        if (function == null) {
            throw new TemplateException(where + ".FunctionArn " + functionArn + " is not a function of this template");
        }
        List<HttpApiDef.IdentitySource> sources = new ArrayList<>();
        for (String h : Values.strings(identity.get("Headers"))) {
            sources.add(new HttpApiDef.IdentitySource(HttpApiDef.IdentitySource.Kind.HEADER, h));
        }
        for (String q : Values.strings(identity.get("QueryStrings"))) {
            sources.add(new HttpApiDef.IdentitySource(HttpApiDef.IdentitySource.Kind.QUERY_STRING, q));
        }
        String version = Values.str(a, "AuthorizerPayloadFormatVersion", null);
        if (version == null) throw new TemplateException(where + " needs AuthorizerPayloadFormatVersion");
        boolean simple = Values.bool(a.get("EnableSimpleResponses"), false);
        // SAM turns Identity.ReauthorizeEvery into authorizerResultTtlInSeconds; without it there is none
        // and API Gateway's default for HTTP APIs applies: no caching.
        int ttl = Values.integer(identity, "ReauthorizeEvery", 0, where + ".Identity");
        return new HttpApiDef.Authorizer(name, "REQUEST", function, sources, ttl, simple, version);
    }
}
