/** JSON views of the volunteer service: memberships, wishes (masked by audience), service logs, points, grades, leaderboards. */
package org.linli.views.volunteer;
