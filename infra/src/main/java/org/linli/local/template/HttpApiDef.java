package org.linli.local.template;

import java.util.List;
import java.util.Map;

/**
 * An AWS::Serverless::HttpApi (or the implicit ServerlessHttpApi SAM creates for events without ApiId).
 *
 * @param defaultAuthorizer Auth.DefaultAuthorizer, or null
 */
public record HttpApiDef(String logicalId, String apiId, String defaultAuthorizer, Map<String, Authorizer> authorizers) {
    public HttpApiDef {
        authorizers = Map.copyOf(authorizers);
    }

    /** Where a Lambda authorizer takes its identity from. */
    public record IdentitySource(Kind kind, String name) {
        public enum Kind { HEADER, QUERY_STRING }

        /** The API Gateway selection expression, e.g. {@code $request.header.Authorization}. */
        public String expression() {
            return (kind == Kind.HEADER ? "$request.header." : "$request.querystring.") + name;
        }
    }

    /**
     * A Lambda authorizer. JWT authorizers are recorded with {@code functionLogicalId} null and
     * {@code type} JWT; the gateway refuses their routes rather than leaving them open.
     */
    public record Authorizer(String name, String type, String functionLogicalId, List<IdentitySource> identitySources,
                             int reauthorizeEverySeconds, boolean enableSimpleResponses, String payloadFormatVersion) {
        public Authorizer {
            identitySources = List.copyOf(identitySources);
        }

        public List<String> identityHeaders() {
            return identitySources.stream().filter(s -> s.kind() == IdentitySource.Kind.HEADER)
                    .map(IdentitySource::name).toList();
        }
    }
}
