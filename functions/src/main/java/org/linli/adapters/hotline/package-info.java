/** The 12345 hotline platform's endpoint for status reports, over HTTP. */
package org.linli.adapters.hotline;
