/**
 * The local Secrets Manager: an in-memory {@link org.linli.local.secrets.SecretStore} filled by
 * embedding code, and {@link org.linli.local.secrets.FakeSecretsManager}, a small HTTP server
 * speaking enough of the Secrets Manager JSON protocol for the real SDK's GetSecretValue.
 */
package org.linli.local.secrets;
