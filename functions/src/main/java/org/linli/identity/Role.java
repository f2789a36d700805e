package org.linli.identity;

/** What a user may do; staff roles are bound to territory nodes through the user's scope. */
public enum Role {
    RESIDENT,           // 居民
    VOLUNTEER,          // 党员志愿者
    GRID_WORKER,        // 网格员
    MICRO_GRID_LEADER,  // 微网格长
    COMMUNITY_STAFF,    // 社区
    STREET_STAFF,       // 街道
    DISTRICT_STAFF,     // 区
    DEPARTMENT_STAFF,   // 职能部门
    ADMIN;

    public boolean staff() {
        return this != RESIDENT && this != VOLUNTEER;
    }

    /** Held over territory nodes (or, for departments, a department code); the others hold none. */
    public boolean territorial() {
        return staff() && this != ADMIN;
    }
}
