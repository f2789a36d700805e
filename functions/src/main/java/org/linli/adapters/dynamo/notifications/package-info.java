/** The notifications table: each recipient's inbox ({@link org.linli.adapters.dynamo.notifications.NotificationsKeys}). */
package org.linli.adapters.dynamo.notifications;
