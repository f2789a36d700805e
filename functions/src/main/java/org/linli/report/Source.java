package org.linli.report;

/** Where a report came from. */
public enum Source {
    MINI_PROGRAM,   // a resident's own report
    PATROL,         // a grid worker's patrol (巡查)
    COURIER,        // a courier, the "mobile micro-grid member" (捎带办)
    HOTLINE_12345,  // a 12345 transfer ticket (转办工单)
    POLICE_110,     // a 110 transfer
    OPEN311,        // a third party's Open311 GeoReport request (with its api_key)
    ASSIGNED,       // assigned by a superior body (上级交办), recorded by staff
    WALK_IN;        // a resident who came to the office (来访), recorded by staff

    /** Sources only staff may claim (OPEN311 only the Open311 endpoint sets). */
    public boolean staffOnly() {
        return this != MINI_PROGRAM && this != COURIER;
    }
}
