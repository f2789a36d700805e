/** Consultations (议事协商), their community list and the published decisions on the cases table (keys in {@link org.linli.adapters.dynamo.cases.CasesKeys}). */
package org.linli.adapters.dynamo.consultations;
