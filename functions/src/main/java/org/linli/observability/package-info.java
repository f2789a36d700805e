/**
 * Logging: one JSON object per line on stdout, which Lambda (LogFormat JSON) keeps as it is and
 * CloudWatch Logs Insights queries by field. Callers pass identifiers, codes and counts only:
 * personal information - names, phone numbers, addresses, descriptions, tokens - never reaches a
 * log line.
 */
package org.linli.observability;
