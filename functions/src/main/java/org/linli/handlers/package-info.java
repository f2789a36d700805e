/**
 * The Lambda handlers named in template.yaml. Each is thin: its no-arg constructor builds its
 * dependencies once per execution environment (from the environment variables the template
 * sets and the shared SDK clients), a second constructor takes them for tests, and the work is
 * the domain's. {@link org.linli.handlers.ApiRoutes} lists every HTTP route by handler.
 */
package org.linli.handlers;
