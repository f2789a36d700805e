/** The cases table: reports, cases, their audit trail, department tasks and request ids ({@link org.linli.adapters.dynamo.cases.CasesKeys}). */
package org.linli.adapters.dynamo.cases;
