/** Secrets Manager adapters: the token signing keys and WeChat credentials, read once per process. */
package org.linli.adapters.secrets;
