/**
 * Presenters: the JSON (and CSV, XML) answers of the HTTP API, one sub-package per feature -
 * cases, report, identity, territory, notify, kpi, patrol, cycle, volunteer, open311 - and the pieces
 * they share here (pages with cursors, times, node references, points). A view shows what its
 * caller decided the reader may see (the domain's Standing, ReportReaders, audiences); handlers call
 * views, views call no handler and no adapter.
 */
package org.linli.views;
