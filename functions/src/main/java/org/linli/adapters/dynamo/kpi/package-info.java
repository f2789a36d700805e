/** The KPI table: units' months, fold records, rankings and patrols ({@link org.linli.adapters.dynamo.kpi.KpiKeys}). */
package org.linli.adapters.dynamo.kpi;
