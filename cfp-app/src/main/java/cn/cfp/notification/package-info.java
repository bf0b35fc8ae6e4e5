/**
 * Notifications (issue 8 item 16): what a person is told when something asks them to act — a new task, a supplement
 * request, a team appointment, a plan to confirm — in the application (a list with an unread count in every page's
 * header) and, when configured, by e-mail. Listens to the other modules' events; owns the {@code notification} table.
 * Texts are templates per {@link cn.cfp.notification.NotificationKind} in the message bundles
 * ({@code i18n/notifications*.properties}), the same for every scheme, written in the reader's language. Public API:
 * {@link cn.cfp.notification.Notifications}, {@link cn.cfp.notification.NotificationView}.
 */
package cn.cfp.notification;
