/**
 * Open311 GeoReport v2 (docs/open311.md): the service list and definitions generated from the
 * report categories, the mapping of Linli's case states to {@code open}/{@code closed} with
 * status notes, the request filters and limits of the specification, API keys for third parties
 * scoped to a territory, and the Spark-convention XML. Ports: {@link org.linli.open311.ApiKeys},
 * {@link org.linli.open311.ServiceRequests}.
 */
package org.linli.open311;
