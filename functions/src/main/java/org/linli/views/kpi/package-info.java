/** KPI rows as JSON and as CSV (Excel opens it with its Chinese intact). */
package org.linli.views.kpi;
