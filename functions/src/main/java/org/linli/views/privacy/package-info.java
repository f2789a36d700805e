/** JSON views of the privacy feature: access entries, a contact reveal, an erasure record. */
package org.linli.views.privacy;
