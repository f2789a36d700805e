/**
 * Organisations that report for duty with a community (双报到 of units): 驻区单位, 物业, 业委会, shops,
 * social organisations - registered by the community's staff, with a contact person (personal data:
 * whole for the community's staff, masked for everyone else, never logged) and the volunteers
 * (approved members of the community) linked to them. {@link ServiceHours} sums the verified service
 * of their members per organisation: the one code path the monthly summary and the year-end view
 * both use. Port: {@link OrganisationStore}. See docs/consultations.md.
 */
package org.linli.organisations;
