/**
 * Demand (population cells) and planning areas (districts) that coverage analysis weighs facilities
 * against; read-only GeoJSON endpoints for the map.
 */
package org.sanimap.demand;
