/** JSON views of patrols. */
package org.linli.views.patrol;
