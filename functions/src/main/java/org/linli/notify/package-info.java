/**
 * Notifications: who hears of a case event ({@link org.linli.notify.Recipients}), the in-app
 * inbox ({@link org.linli.notify.NotificationStore}), and {@link org.linli.notify.Delivery} - the
 * one path by which a notification reaches the inbox and, for kinds with a WeChat template
 * ({@link org.linli.notify.PushTemplates}), the user's WeChat, once, through the
 * {@link org.linli.notify.WeChatClient} port.
 */
package org.linli.notify;
