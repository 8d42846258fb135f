/** Coordinate conversions that proj4j does not offer: the Chinese GCJ-02 and BD-09 systems. */
package org.sanimap.engine.crs;
