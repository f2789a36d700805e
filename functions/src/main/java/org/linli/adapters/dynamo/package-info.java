/**
 * DynamoDB adapters of the domain ports, on the low-level SDK v2 client (explicit item codecs,
 * no bean-introspecting mapper on the cold path), one sub-package per table - cases, territory,
 * volunteer, users, notifications, kpi, cycle - each with one keys class that owns every key
 * prefix and index attribute of its table. This package holds what they share: the primary key
 * names and the rate-limit counter item ({@link org.linli.adapters.dynamo.TableKeys}), attribute
 * codecs, query pages and cursors, batches and transactions. SDK exceptions stop here: throttling
 * and network failures become {@link org.linli.core.StoreUnavailable}; conditional-check outcomes
 * become the domain's answers (already exists, already cased).
 */
package org.linli.adapters.dynamo;
