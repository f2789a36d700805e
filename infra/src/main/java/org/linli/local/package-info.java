/**
 * The local cloud: runs what template.yaml describes on one machine, without an AWS account or
 * Docker. {@link org.linli.local.LocalCloud} is the API for embedding code and tests,
 * {@link org.linli.local.Main} the command line ({@code infra/run-local}),
 * {@link org.linli.local.LocalCustomizer} the hook for secrets, demo data and local routes.
 */
package org.linli.local;
