package org.sanimap.importing;

import java.nio.file.Path;

/**
 * Published after an OSM extract was imported as facilities; the file exists only while listeners
 * run (they are called synchronously).
 *
 * @param file the extract
 * @param pbf  true for PBF, false for OSM XML
 */
public record OsmExtractImported(Path file, boolean pbf) {
}
