/** Organisations and their member links on the volunteer table (keys in {@link org.linli.adapters.dynamo.volunteer.VolunteerKeys}). */
package org.linli.adapters.dynamo.organisations;
