/**
 * Volunteer service (志愿服务, the "six orders" 六单): party members' registration with the
 * community where they live (双报到), residents' micro-wishes from placement to the public feed,
 * the service log and its verification, ratings, the points ledger, year-end grading
 * (一考双评一公示), star of the month and leaderboards. Pure domain: rules are configuration
 * ({@code /config/volunteers.json}); persistence and the ratings queue are ports.
 */
package org.linli.volunteer;
