/** JSON views of consultations (staff) and published decisions (everyone, masked). */
package org.linli.views.consultations;
