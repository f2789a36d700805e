/**
 * EventBridge schedules: {@code rate(...)}, {@code cron(...)} (six fields, with L, W, # and names;
 * checked against EventBridge's syntax, computed by Quartz's {@code CronExpression}) and
 * {@code at(...)} expressions with next-fire computation in a time zone, and the
 * {@link org.linli.local.schedule.Scheduler} that fires the template's Schedule and ScheduleV2
 * events on an injectable clock, with retries and dead-letter queues.
 */
package org.linli.local.schedule;
