package org.linli.organisations;

import org.linli.core.Masking;

/** An organisation's contact person: personal information (PIPL). */
public record Contact(String name, String phone) {
    /** What everyone but the community's staff sees: 张* and 138****1234. */
    public Contact masked() {
        return new Contact(Masking.name(name), Masking.phone(phone));
    }
}
