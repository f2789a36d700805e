/**
 * Shared formats, each defined once: phone numbers, territory and department codes, idempotency
 * keys. Everything that validates one of them asks here, so that a report, a wish, a path
 * parameter and an import agree on what a valid value is.
 */
package org.linli.core.format;
