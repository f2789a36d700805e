/** JSON views of cases: the case, its audit trail, department tasks. */
package org.linli.views.cases;
