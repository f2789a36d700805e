/**
 * DynamoDB adapters of the domain ports, on the low-level SDK v2 client (explicit item codecs,
 * no bean-introspecting mapper on the cold path). SDK exceptions stop here: throttling and
 * network failures become {@link org.linli.core.StoreUnavailable}; conditional-check outcomes
 * become the domain's answers (already exists, already cased).
 */
package org.linli.adapters.dynamo;
