/**
 * The Lambda handlers named in template.yaml. Each is thin - routes, access, logging; the work is
 * the domain's and the answer a view's. Its no-arg constructor asks the composition root
 * ({@link org.linli.wiring.Wiring#current()}) for what it uses, once per execution environment; a
 * second constructor takes the same things for tests. No handler reads the environment or the
 * system clock, builds an adapter or touches the AWS SDK. {@link org.linli.handlers.ApiRoutes}
 * lists every HTTP route by handler.
 */
package org.linli.handlers;
