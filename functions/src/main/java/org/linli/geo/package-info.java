/**
 * Geographic values: points with their datum, the public WGS-84 / GCJ-02 arithmetic that WeChat's
 * {@code wx.getLocation} and China's maps need, and geohash cells for the constant-cost grid index.
 */
package org.linli.geo;
