/**
 * The monthly cycle (月度循环): which district has which step on which day
 * ({@link org.linli.cycle.CycleConfig}, from {@code /config/cycle.json}), the planner a schedule
 * starts, the resumable per-community {@link org.linli.cycle.Dispatcher}, the audiences it pages
 * through, and the monthly {@link org.linli.cycle.Summaries}. Delivery is
 * {@link org.linli.notify.Delivery}'s.
 */
package org.linli.cycle;
