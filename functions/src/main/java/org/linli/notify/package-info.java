/**
 * Notifications: who hears of a case event ({@link org.linli.notify.Recipients}) and the in-app
 * inbox ({@link org.linli.notify.NotificationStore}). WeChat delivery is a later step that reads
 * the same records.
 */
package org.linli.notify;
