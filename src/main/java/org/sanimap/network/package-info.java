/**
 * The walking network of the registry's city: built from the OSM extract last imported (or the file
 * set as {@code sanimap.network.osm-file}) and kept in memory for walking coverage.
 */
package org.sanimap.network;
