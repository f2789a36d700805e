/** JSON views of accounts, login tokens and grant changes. */
package org.linli.views.identity;
