package org.linli.territory;

/** The strict hierarchy of territory levels, from the top down. */
public enum Level {
    CITY,        // 市
    DISTRICT,    // 区/县
    STREET,      // 街道/乡镇
    COMMUNITY,   // 社区/村
    GRID,        // 网格 (300-500 households), including dedicated grids
    MICRO_GRID;  // 微网格 (30-50 households)

    public int depth() {
        return ordinal();
    }
}
