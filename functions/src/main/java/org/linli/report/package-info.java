/**
 * Reports (问题上报): what a resident, a patrolling grid worker or a hotline transfer submits;
 * validated into a {@link org.linli.report.ReportDraft}, stored as RECEIVED by
 * {@link org.linli.report.ReportIntake} and handed to assignment through the
 * {@link org.linli.report.AssignmentQueue} port.
 */
package org.linli.report;
