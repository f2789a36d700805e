/**
 * The territory (网格化管理): city → district → street → community → grid → micro-grid, buildings
 * with their codes, duty rosters, and the rules that place a point or a building in a grid and
 * pick the worker on duty. Maps are versioned: every placement names the version it used.
 * The {@link org.linli.territory.TerritoryDirectory} port is implemented by a DynamoDB adapter.
 */
package org.linli.territory;
