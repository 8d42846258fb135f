package org.sanimap.importing;

import java.util.List;
import java.util.Map;

/** Receives the elements of one pass over an OSM file, in file order. */
interface OsmElementVisitor {

    /** A node with its position (degrees WGS84) and tags (empty map when untagged). */
    void node(long id, double lon, double lat, Map<String, String> tags);

    /** A way with its node references and tags. */
    void way(long id, long[] nodeRefs, Map<String, String> tags);

    /** A relation with its members and tags. */
    void relation(long id, List<Member> members, Map<String, String> tags);

    /** A relation member: {@code type} is node, way or relation. */
    record Member(String type, long ref, String role) {
    }
}
