/** The service log: what a member did, when, for whom, its verification and the beneficiary's rating; port ServiceLogStore. */
package org.linli.volunteer.servicelog;
