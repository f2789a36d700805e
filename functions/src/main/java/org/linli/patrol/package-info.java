/**
 * Patrols (巡查): grid workers log their visits to micro-grids and buildings, with findings that
 * can become reports in the same step; the month's plan is derived from the territory (each
 * patrol unit - a micro-grid, or a grid drawn without micro-grids - visited N times) and the
 * patrol rate is a KPI. Port: {@link org.linli.patrol.PatrolStore}.
 */
package org.linli.patrol;
