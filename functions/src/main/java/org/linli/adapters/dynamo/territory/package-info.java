/** The territory table: map versions, nodes, the cell index, buildings, rosters, departments and import jobs ({@link org.linli.adapters.dynamo.territory.TerritoryKeys}). */
package org.linli.adapters.dynamo.territory;
