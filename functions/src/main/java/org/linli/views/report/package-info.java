/** JSON views of reports, the contact as the reader may see it. */
package org.linli.views.report;
