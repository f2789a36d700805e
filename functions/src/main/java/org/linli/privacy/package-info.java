/**
 * Personal information under PIPL: the access log (who was shown whose full contact, when and why),
 * the contact reveal, a user's erasure (DELETE /me, and by an administrator), and the retention of
 * closed cases' personal data (erased or coarsened N days after closing). See docs/privacy.md.
 */
package org.linli.privacy;
