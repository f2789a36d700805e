package org.linli.geo;

/**
 * The geodetic datum a coordinate is expressed in. {@code wx.getLocation} returns WGS-84 by
 * default and GCJ-02 (国测局坐标, China's offset datum) when asked; maps drawn in China use GCJ-02.
 */
public enum Datum {
    WGS84,
    GCJ02
}
