/**
 * Local tooling around the local cloud: the fictional demo territory and users it seeds, the fake
 * WeChat server, the local-only dev login, and the command-line tools (keys, ...). Nothing here is
 * deployed: the function jar does not contain this module.
 */
package org.linli.tools;
