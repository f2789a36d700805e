/** Year-end grading (一考双评一公示: assessed, rated twice, published), star of the month and leaderboards; port GradeStore. */
package org.linli.volunteer.grading;
