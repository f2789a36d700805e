/** JSON views of organisations and their service hours. */
package org.linli.views.organisations;
