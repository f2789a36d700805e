package org.linli.territory;

/** What a roster member does for the node he is listed on. */
public enum StaffRole {
    GRID_WORKER,        // 网格员
    MICRO_GRID_LEADER,  // 微网格长
    DISPATCHER          // the community's (or street's) dispatcher, the fallback for empty grids
}
