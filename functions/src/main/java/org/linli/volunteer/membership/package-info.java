/** Registration (双报到) and its review: memberships, the communities members register with; port MemberStore, Communities. */
package org.linli.volunteer.membership;
