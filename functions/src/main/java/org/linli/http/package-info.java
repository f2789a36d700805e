/**
 * The HTTP edge shared by every API function: payload-2.0 request and response wrappers, route
 * tables with their access rules, body checks (415 / 413 / 400), the principal the authorizer
 * passed on, and the single error format {@code {"error":{"code","message","fields":[...]}}}.
 * Only this package and the handlers map domain outcomes to status codes.
 */
package org.linli.http;
