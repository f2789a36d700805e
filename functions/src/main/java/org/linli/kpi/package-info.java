/**
 * Rates and rankings (docs/kpis.md): what each case counts for ({@link org.linli.kpi.CaseFacts},
 * a pure function of its audit trail), the counters kept per territory node or department and
 * month ({@link org.linli.kpi.Tally}), the rates and composite score computed from them with
 * weights from configuration ({@link org.linli.kpi.Figures}), sibling rankings, incremental
 * folding of case events ({@link org.linli.kpi.KpiFolder}) and the recompute that checks and
 * repairs it ({@link org.linli.kpi.KpiRecompute}). Ports: {@link org.linli.kpi.KpiStore},
 * {@link org.linli.kpi.CaseTrails}.
 */
package org.linli.kpi;
