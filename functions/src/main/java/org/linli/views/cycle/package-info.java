/** JSON views of the monthly summaries. */
package org.linli.views.cycle;
