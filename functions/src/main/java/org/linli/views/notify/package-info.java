/** JSON views of the inbox. */
package org.linli.views.notify;
