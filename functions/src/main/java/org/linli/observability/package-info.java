/**
 * Logging. One facade over the Lambda runtime logger (which emits JSON under the template's
 * LoggingConfig). Callers pass identifiers, codes and counts only: personal information -
 * names, phone numbers, addresses, descriptions, tokens - never reaches a log line.
 */
package org.linli.observability;
