/** The cycle table: dispatch checkpoints and monthly summaries ({@link org.linli.adapters.dynamo.cycle.CycleKeys}); the summaries' community activity, read from the cases and volunteer tables. */
package org.linli.adapters.dynamo.cycle;
