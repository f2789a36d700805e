/**
 * The local API Gateway for HTTP APIs (payload format 2.0): route matching as API Gateway does it,
 * the exact {@code APIGatewayV2HTTPEvent} JSON, Lambda authorizers with caching, the response
 * mapping, and the gateway's own {@code /_local/...} routes ({@link org.linli.local.gateway.LocalRoute}).
 */
package org.linli.local.gateway;
