/**
 * Straight-line coverage of weighted demand by facilities within a service radius, per planning
 * area, and the uncovered gaps ranked by population. A demand unit counts as covered when its centre
 * lies within the radius of at least one facility, the convention of the covering location models
 * (Toregas et al. 1971; Church and ReVelle 1974) and of spopt and ArcGIS.
 */
package org.sanimap.engine.coverage;
