/**
 * Cases (案卷): what a report becomes once validated and placed - assigned to a grid worker, or
 * UNASSIGNED in a dispatcher's queue - and the categories (configuration, not code) that give
 * each case its matter type and time limits. {@link org.linli.cases.CaseStore} is the port.
 */
package org.linli.cases;
