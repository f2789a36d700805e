package org.linli.territory;

/** Regular grids cover households; dedicated grids (专属网格) cover one institution inside them. */
public enum GridKind {
    REGULAR, SCHOOL, HOSPITAL, MARKET, ENTERPRISE;

    public boolean dedicated() {
        return this != REGULAR;
    }
}
