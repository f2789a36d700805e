package org.linli.cases;

import java.util.Set;
import org.linli.identity.Principal;
import org.linli.identity.Role;

/** Who acts on a case: a signed-in user, or the scheduled sweep ({@link #SYSTEM}). */
public record Actor(String id, Principal principal) {
    public static final Actor SYSTEM = new Actor("system", null);

    public static Actor of(Principal p) {
        return new Actor(p.userId(), p);
    }

    public boolean system() {
        return principal == null;
    }

    public Set<Role> roles() {
        return principal == null ? Set.of() : principal.roles();
    }
}
