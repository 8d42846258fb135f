package org.sanimap.importing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilityType;

/**
 * Reads sanitation facilities from an OSM extract (PBF or XML), see {@link OsmTagMapping} for the
 * tags. Nodes keep their position; ways and areas use the centroid of their geometry (polygon
 * centroid for closed ways, else the line's); multipolygon relations the centroid of their outer
 * ways. It reads the file in up to three streaming passes and keeps only the coordinates of the nodes
 * it needs, so a large extract does not have to fit in memory. Elements whose nodes are all missing
 * from the extract are skipped with a reason.
 */
public final class OsmFacilityReader {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final OsmTagMapping mapping;
    /** Dates after this are no {@code start_date} of a facility that exists. */
    private final LocalDate today = LocalDate.now();

    public OsmFacilityReader(OsmReadOptions options) {
        this.mapping = new OsmTagMapping(options);
    }

    /** Reads an OSM PBF file. @throws ImportRejectedException when it is not valid PBF */
    public FacilityReadResult readPbf(Path file) {
        return read(visitor -> OsmPbfScanner.scan(file, visitor));
    }

    /** Reads an OSM XML file (plain or gzip). @throws ImportRejectedException when it is not valid OSM XML */
    public FacilityReadResult readXml(Path file) {
        return read(visitor -> OsmXmlScanner.scan(file, visitor));
    }

    private record Tagged(FacilityType type, Map<String, String> tags) {
    }

    private FacilityReadResult read(java.util.function.Consumer<OsmElementVisitor> pass) {
        List<FacilityAttributes> facilities = new ArrayList<>();
        List<LocalDate> since = new ArrayList<>();
        List<ImportSkip> skips = new ArrayList<>();
        Map<Long, Tagged> ways = new LinkedHashMap<>();
        Map<Long, long[]> wayRefs = new HashMap<>();
        Map<Long, Tagged> relations = new LinkedHashMap<>();
        Map<Long, List<Long>> relationWays = new HashMap<>();

        // pass 1: tagged nodes become facilities; remember tagged ways and relations
        pass.accept(new Visitor(null, null) {
            @Override
            public void node(long id, double lon, double lat, Map<String, String> tags) {
                if (tags.isEmpty()) {
                    return;
                }
                mapping.type(tags).ifPresent(type -> add(facilities, since, skips, type, tags, lon, lat, "node", id));
            }

            @Override
            public void way(long id, long[] refs, Map<String, String> tags) {
                mapping.type(tags).ifPresent(type -> {
                    ways.put(id, new Tagged(type, tags));
                    wayRefs.put(id, refs);
                });
            }

            @Override
            public void relation(long id, List<Member> members, Map<String, String> tags) {
                mapping.type(tags).ifPresent(type -> {
                    List<Long> outer = new ArrayList<>();
                    for (Member m : members) {
                        if (m.type().equals("way") && (m.role().isEmpty() || m.role().equals("outer"))) {
                            outer.add(m.ref());
                        }
                    }
                    relations.put(id, new Tagged(type, tags));
                    relationWays.put(id, outer);
                });
            }
        });

        // pass 2 (only with relations): node lists of the relations' member ways
        Set<Long> memberWays = new HashSet<>();
        relationWays.values().forEach(memberWays::addAll);
        memberWays.removeAll(wayRefs.keySet());
        if (!memberWays.isEmpty()) {
            pass.accept(new Visitor(null, (id, refs) -> {
                if (memberWays.contains(id)) {
                    wayRefs.put(id, refs);
                }
            }));
        }

        // pass 3 (only with ways): coordinates of the nodes those ways need
        Map<Long, Coordinate> nodes = new HashMap<>();
        if (!wayRefs.isEmpty()) {
            for (long[] refs : wayRefs.values()) {
                for (long ref : refs) {
                    nodes.put(ref, null);
                }
            }
            pass.accept(new Visitor((id, c) -> {
                if (nodes.containsKey(id)) {
                    nodes.put(id, c);
                }
            }, null));
        }

        for (Map.Entry<Long, Tagged> w : ways.entrySet()) {
            Geometry g = wayGeometry(wayRefs.get(w.getKey()), nodes);
            if (g == null) {
                skips.add(new ImportSkip("way " + w.getKey(), "none of its nodes is in the extract"));
                continue;
            }
            Point c = g.getCentroid();
            add(facilities, since, skips, w.getValue().type(), w.getValue().tags(), c.getX(), c.getY(), "way", w.getKey());
        }
        for (Map.Entry<Long, Tagged> r : relations.entrySet()) {
            List<Geometry> parts = new ArrayList<>();
            for (long wayId : relationWays.get(r.getKey())) {
                Geometry g = wayGeometry(wayRefs.get(wayId), nodes);
                if (g != null) {
                    parts.add(g);
                }
            }
            if (parts.isEmpty()) {
                skips.add(new ImportSkip("relation " + r.getKey(), "none of its outer ways is in the extract"));
                continue;
            }
            Point c = GEOMETRY.buildGeometry(parts).getCentroid();
            add(facilities, since, skips, r.getValue().type(), r.getValue().tags(), c.getX(), c.getY(), "relation", r.getKey());
        }
        // OSM has no lifecycle: every status read is the default, never a statement
        return new FacilityReadResult(facilities, since, java.util.Collections.nCopies(facilities.size(), false), skips);
    }

    /** Adds the element's facility and its {@code start_date} when that is a plain date (else none), or its skip. */
    private void add(List<FacilityAttributes> facilities, List<LocalDate> since, List<ImportSkip> skips, FacilityType type,
            Map<String, String> tags, double lon, double lat, String elementType, long id) {
        try {
            facilities.add(mapping.attributes(type, tags, lon, lat, elementType, id));
            since.add(FacilityFieldParser.statusSinceIfDate(tags.get("start_date"), today).orElse(null));
        } catch (IllegalArgumentException e) {
            skips.add(new ImportSkip(elementType + " " + id, e.getMessage()));
        }
    }

    /** Polygon for a closed ring of 4+ nodes, else a line, else a point; null when no node is known. */
    private static Geometry wayGeometry(long[] refs, Map<Long, Coordinate> nodes) {
        if (refs == null) {
            return null;
        }
        List<Coordinate> coords = new ArrayList<>(refs.length);
        for (long ref : refs) {
            Coordinate c = nodes.get(ref);
            if (c != null) {
                coords.add(c);
            }
        }
        if (coords.isEmpty()) {
            return null;
        }
        if (coords.size() == 1) {
            return GEOMETRY.createPoint(coords.get(0));
        }
        Coordinate[] array = coords.toArray(new Coordinate[0]);
        boolean closed = refs.length >= 4 && refs[0] == refs[refs.length - 1] && coords.size() == refs.length;
        if (closed) {
            Geometry polygon = GEOMETRY.createPolygon(array);
            if (polygon.getArea() > 0) {
                return polygon;
            }
        }
        return GEOMETRY.createLineString(array);
    }

    /** A visitor that hands node positions and way node lists to callbacks; relations are ignored. */
    private static class Visitor implements OsmElementVisitor {
        private final BiConsumer<Long, Coordinate> nodes;
        private final BiConsumer<Long, long[]> ways;

        Visitor(BiConsumer<Long, Coordinate> nodes, BiConsumer<Long, long[]> ways) {
            this.nodes = nodes;
            this.ways = ways;
        }

        @Override
        public void node(long id, double lon, double lat, Map<String, String> tags) {
            if (nodes != null) {
                nodes.accept(id, new Coordinate(lon, lat));
            }
        }

        @Override
        public void way(long id, long[] nodeRefs, Map<String, String> tags) {
            if (ways != null) {
                ways.accept(id, nodeRefs);
            }
        }

        @Override
        public void relation(long id, List<Member> members, Map<String, String> tags) {
            // not needed by the node and way passes
        }
    }
}
