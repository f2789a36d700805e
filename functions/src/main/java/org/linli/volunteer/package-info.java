/**
 * Volunteer service (志愿服务, the "six orders" 六单), one sub-package per part: {@code membership}
 * (party members' registration with the community where they live, 双报到, and its review),
 * {@code wishes} (residents' micro-wishes 微心愿 from placement to the public feed), {@code servicelog}
 * (the service log and its verification), {@code points} (the points ledger, ratings and their
 * folding), {@code grading} (year-end grading 一考双评一公示, star of the month, leaderboards). This
 * package holds what they share: the service's rules, read from {@code /config/volunteers.json}
 * ({@link org.linli.volunteer.VolunteerRules}), the residents' calendar ({@link org.linli.volunteer.VolunteerTime}),
 * who is looking ({@link org.linli.volunteer.Audience}), a rating and the body readers. Pure
 * domain: persistence and the ratings queue are ports.
 */
package org.linli.volunteer;
