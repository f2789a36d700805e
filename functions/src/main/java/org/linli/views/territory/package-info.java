/** JSON views of the territory registry and of import jobs. */
package org.linli.views.territory;
