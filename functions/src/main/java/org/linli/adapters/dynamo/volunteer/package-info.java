/** The volunteer table: memberships, wishes, service logs, the points ledger and its aggregates, ratings, grade sheets ({@link org.linli.adapters.dynamo.volunteer.VolunteerKeys}). */
package org.linli.adapters.dynamo.volunteer;
