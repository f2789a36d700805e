package org.linli.categories;

/** Who owns a matter (Yangquan's four kinds); it decides the path a case takes. */
public enum MatterType {
    PERSONAL,    // 个事: the resident's own matter; he handles it, helped
    COMMUNITY,   // 社事: community public affairs, settled by consultation
    DEPARTMENT,  // 专事: a department's statutory duty
    HARD         // 难事: beyond the community; joint consultation higher up
}
