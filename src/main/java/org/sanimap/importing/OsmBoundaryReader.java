package org.sanimap.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.linemerge.LineMerger;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.sanimap.demand.PlanningArea;

/**
 * Reads the administrative boundaries of one {@code admin_level} from an OSM extract (PBF or XML) as
 * district polygons: relations tagged {@code boundary=administrative} (type boundary or multipolygon),
 * assembled from their member ways, and closed named ways tagged so that belong to no such relation.
 *
 * <p>A relation's area is every face of the arrangement of its member ways (roles outer, inner or none;
 * admin centres, labels and sub-areas are ignored) that lies inside an odd number of the rings the ways
 * close into: holes come out right whatever the roles say, as do islands in holes. A boundary that the
 * extract cuts (a member way or one of its nodes missing, or ways that do not close into rings) is left
 * out with a reason, never closed by guesswork. Names come from {@code name}, else {@code name:zh},
 * {@code name:en}; two boundaries of one name are told apart by their OSM id.
 *
 * <p>{@link #byTag} reads instead the areas tagged with a key, e.g. {@code landuse}: multipolygon relations
 * and closed ways carrying it, each named by its value ({@code residential}, {@code commercial} ...) and
 * joined per value into one area: radius zones by land use, from the same extract. Given as
 * {@code key=value} (e.g. {@code place=suburb}), it reads the areas with that tag, each named by its name
 * like a boundary: districts where the extract maps neighbourhoods but no administrative boundaries.
 *
 * <p>Three streaming passes (relations and boundary ways; member ways; their nodes) keep only what the
 * boundaries need in memory.
 */
public final class OsmBoundaryReader {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final List<String> NAME_TAGS = List.of("name", "name:zh", "name:en");

    private final String adminLevel;
    /** The key whose areas are read, named by its value; null for administrative boundaries. */
    private final String tagKey;
    /** With {@link #tagKey}: the one value read, the areas then named by their name; null for any value. */
    private final String tagValue;

    /** @param adminLevel the {@code admin_level} to read, or null to be told which levels the extract has */
    public OsmBoundaryReader(Integer adminLevel) {
        if (adminLevel != null && (adminLevel < 1 || adminLevel > 12)) {
            throw new IllegalArgumentException("adminLevel " + adminLevel + " out of range [1, 12]");
        }
        this.adminLevel = adminLevel == null ? null : adminLevel.toString();
        this.tagKey = null;
        this.tagValue = null;
    }

    private OsmBoundaryReader(String tagKey, String tagValue) {
        this.adminLevel = null;
        this.tagKey = tagKey;
        this.tagValue = tagValue;
    }

    /**
     * Reads the areas tagged {@code key=*} (e.g. {@code landuse}), named by the tag's value and joined per value;
     * or, given {@code key=value} (e.g. {@code place=suburb}), the areas with that tag, named by their name.
     */
    public static OsmBoundaryReader byTag(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("an OSM tag key is required, e.g. landuse (or key=value, e.g. place=suburb)");
        }
        int eq = tag.indexOf('=');
        if (eq < 0) {
            return new OsmBoundaryReader(tag.trim(), null);
        }
        String key = tag.substring(0, eq).trim();
        String value = tag.substring(eq + 1).trim();
        if (key.isEmpty() || value.isEmpty()) {
            throw new IllegalArgumentException("OSM tag '" + tag.trim() + "' is not key or key=value, e.g. place=suburb");
        }
        return new OsmBoundaryReader(key, value);
    }

    /** Whether the element is one this reader reads. */
    private boolean selects(Map<String, String> tags) {
        if (tagKey == null) {
            return isBoundary(tags);
        }
        String v = tags.get(tagKey);
        return v != null && !v.isBlank() && (tagValue == null || tagValue.equals(v.trim()));
    }

    /** The element's area name: the boundary's (or tagged area's) name, or the tag's value. */
    private String areaName(Map<String, String> tags) {
        return tagKey == null || tagValue != null ? name(tags) : tags.get(tagKey).trim();
    }

    /** What the refusal of an extract with nothing to read names. */
    private String tagText() {
        return tagKey + "=" + (tagValue == null ? "*" : tagValue);
    }

    /** @throws ImportRejectedException when the file is no OSM PBF or has no boundaries at the level */
    public PlanningAreaReadResult readPbf(Path file, String fileName) {
        return read(visitor -> OsmPbfScanner.scan(file, visitor), fileName);
    }

    /** @throws ImportRejectedException when the file is no OSM XML or has no boundaries at the level */
    public PlanningAreaReadResult readXml(Path file, String fileName) {
        return read(visitor -> OsmXmlScanner.scan(file, visitor), fileName);
    }

    /** A boundary to assemble: its OSM element, name, and the ways of its rings. */
    private record Boundary(String element, String name, List<Long> ways) {
    }

    private PlanningAreaReadResult read(Consumer<OsmElementVisitor> pass, String fileName) {
        Map<String, Integer> boundariesByLevel = new TreeMap<>(OsmBoundaryReader::compareLevels);
        List<Boundary> boundaries = new ArrayList<>();
        Set<Long> memberWays = new HashSet<>();
        Map<Long, String> closedWayLevels = new LinkedHashMap<>();
        Map<Long, String> closedWayNames = new HashMap<>();
        pass.accept(new Visitor() {
            @Override
            public void way(long id, long[] nodeRefs, Map<String, String> tags) {
                if (selects(tags) && nodeRefs.length >= 4 && nodeRefs[0] == nodeRefs[nodeRefs.length - 1]
                        && areaName(tags) != null) {
                    closedWayLevels.put(id, tagKey == null ? tags.get("admin_level").trim() : "");
                    closedWayNames.put(id, areaName(tags));
                }
            }

            @Override
            public void relation(long id, List<Member> members, Map<String, String> tags) {
                String type = tags.get("type");
                if (!selects(tags) || !((tagKey == null && "boundary".equals(type)) || "multipolygon".equals(type))) {
                    return;
                }
                List<Long> ways = new ArrayList<>();
                for (Member m : members) {
                    if (m.type().equals("way")) {
                        memberWays.add(m.ref());
                        String role = m.role() == null ? "" : m.role();
                        if (role.isEmpty() || role.equals("outer") || role.equals("inner")) {
                            ways.add(m.ref());
                        }
                    }
                }
                String level = tagKey == null ? tags.get("admin_level").trim() : "";
                boundariesByLevel.merge(level, 1, Integer::sum);
                if (tagKey != null || level.equals(adminLevel)) {
                    String name = areaName(tags);
                    boundaries.add(new Boundary("relation " + id, name == null ? "relation " + id : name, ways));
                }
            }
        });
        // closed ways inside a boundary relation are pieces of its line, not boundaries of their own
        closedWayLevels.keySet().removeAll(memberWays);
        closedWayLevels.forEach((id, level) -> {
            boundariesByLevel.merge(level, 1, Integer::sum);
            if (tagKey != null || level.equals(adminLevel)) {
                boundaries.add(new Boundary("way " + id, closedWayNames.get(id), List.of(id)));
            }
        });
        if (tagKey != null && boundaries.isEmpty()) {
            throw new ImportRejectedException(fileName + " has no " + (tagValue == null ? "" : "named ")
                    + "multipolygon relations or closed ways tagged " + tagText());
        }
        if (boundariesByLevel.isEmpty()) {
            throw new ImportRejectedException(fileName + " has no boundary=administrative relations or closed ways with an "
                    + "admin_level; import the districts from GeoJSON or GeoPackage polygons instead");
        }
        if (boundaries.isEmpty()) {
            String census = boundariesByLevel.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " boundary)" : " boundaries)"))
                    .collect(Collectors.joining(", "));
            String ask = adminLevel == null
                    ? "name the admin_level of the boundaries to import (adminLevel=, or --admin-level on the command line); "
                    : "no administrative boundaries at admin_level " + adminLevel + "; ";
            throw new ImportRejectedException(ask + fileName + " has admin_level " + census);
        }
        Set<Long> wanted = new HashSet<>();
        boundaries.forEach(b -> wanted.addAll(b.ways()));
        Map<Long, long[]> wayRefs = new HashMap<>();
        Set<Long> nodes = new HashSet<>();
        pass.accept(new Visitor() {
            @Override
            public void way(long id, long[] nodeRefs, Map<String, String> tags) {
                if (wanted.contains(id)) {
                    wayRefs.put(id, nodeRefs);
                    for (long n : nodeRefs) {
                        nodes.add(n);
                    }
                }
            }
        });
        Map<Long, Coordinate> coordinates = new HashMap<>();
        pass.accept(new Visitor() {
            @Override
            public void node(long id, double lon, double lat, Map<String, String> tags) {
                if (nodes.contains(id)) {
                    coordinates.put(id, new Coordinate(lon, lat));
                }
            }
        });
        List<PlanningArea> areas = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> elements = new ArrayList<>();
        List<ImportSkip> skips = new ArrayList<>();
        for (Boundary b : boundaries) {
            String name = b.name();
            String where = b.element() + " (" + name + ")";
            List<LineString> lines = new ArrayList<>();
            int missing = 0;
            for (long way : b.ways()) {
                LineString line = line(wayRefs.get(way), coordinates);
                if (line == null) {
                    missing++;
                } else {
                    lines.add(line);
                }
            }
            if (missing > 0) {
                skips.add(new ImportSkip(where, "cut by the extract's edge: " + missing + " of " + b.ways().size()
                        + " member ways (or their nodes) are not in the file"));
                continue;
            }
            Geometry area = area(lines);
            if (area == null) {
                skips.add(new ImportSkip(where, "its ways do not close into rings"));
                continue;
            }
            names.add(name);
            elements.add(b.element());
            areas.add(new PlanningArea(name, area));
        }
        return tagKey == null || tagValue != null ? new PlanningAreaReadResult(uniqueNames(areas, names, elements), skips)
                : PlanningAreaReader.joinSameNames(areas, skips);
    }

    /** Two boundaries of one name keep it with their OSM element added. */
    private static List<PlanningArea> uniqueNames(List<PlanningArea> areas, List<String> names, List<String> elements) {
        Map<String, Long> counts = names.stream().collect(Collectors.groupingBy(n -> n, Collectors.counting()));
        List<PlanningArea> out = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            String name = names.get(i);
            out.add(counts.get(name) > 1 ? new PlanningArea(name + " (" + elements.get(i) + ")", areas.get(i).areaWgs84())
                    : areas.get(i));
        }
        return out;
    }

    /** The way's line, or null when the way or one of its nodes is not in the file. */
    private static LineString line(long[] refs, Map<Long, Coordinate> coordinates) {
        if (refs == null || refs.length < 2) {
            return null;
        }
        Coordinate[] cs = new Coordinate[refs.length];
        for (int i = 0; i < refs.length; i++) {
            Coordinate c = coordinates.get(refs[i]);
            if (c == null) {
                return null;
            }
            cs[i] = c;
        }
        return GEOMETRY.createLineString(cs);
    }

    /**
     * The faces of the ways' arrangement inside an odd number of their rings, merged; null when the ways
     * leave a dangling end (do not close).
     */
    private static Geometry area(List<LineString> lines) {
        Geometry noded = UnaryUnionOp.union(lines);
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(noded);
        if (!polygonizer.getDangles().isEmpty() || !polygonizer.getCutEdges().isEmpty()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Polygon> faces = new ArrayList<>(polygonizer.getPolygons());
        if (faces.isEmpty()) {
            return null;
        }
        // the rings: each face's shell is a ring of the arrangement; the parity of the original rings
        // containing a face's interior point says whether the face is inside the boundary
        List<Polygon> rings = rings(lines);
        List<IndexedPointInAreaLocator> locators = rings.stream().map(IndexedPointInAreaLocator::new).toList();
        List<Geometry> kept = new ArrayList<>();
        for (Polygon face : faces) {
            Coordinate inside = face.getInteriorPoint().getCoordinate();
            int containing = 0;
            for (IndexedPointInAreaLocator l : locators) {
                if (l.locate(inside) == Location.INTERIOR) {
                    containing++;
                }
            }
            if (containing % 2 == 1) {
                kept.add(face);
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        Geometry merged = GeometryFixer.fix(UnaryUnionOp.union(kept));
        return merged.isEmpty() || merged.getDimension() != 2 ? null : merged;
    }

    /** The closed rings the lines merge into (a ring per closed chain of ways), as polygons without holes. */
    private static List<Polygon> rings(List<LineString> lines) {
        LineMerger merger = new LineMerger();
        lines.forEach(merger::add);
        List<Polygon> rings = new ArrayList<>();
        for (Object o : merger.getMergedLineStrings()) {
            LineString l = (LineString) o;
            if (l.isClosed() && l.getNumPoints() >= 4) {
                rings.add(GEOMETRY.createPolygon(l.getCoordinates()));
            }
        }
        return rings;
    }

    private static boolean isBoundary(Map<String, String> tags) {
        return "administrative".equals(tags.get("boundary")) && tags.get("admin_level") != null
                && !tags.get("admin_level").isBlank();
    }

    private static String name(Map<String, String> tags) {
        for (String key : NAME_TAGS) {
            String v = tags.get(key);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    /** Numeric levels in numeric order, anything else after them. */
    private static int compareLevels(String a, String b) {
        Integer x = level(a);
        Integer y = level(b);
        if (x != null && y != null) {
            return Integer.compare(x, y);
        }
        return x != null ? -1 : y != null ? 1 : a.compareTo(b);
    }

    private static Integer level(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A pass that ignores what it is not told about. */
    private abstract static class Visitor implements OsmElementVisitor {
        @Override
        public void node(long id, double lon, double lat, Map<String, String> tags) {
        }

        @Override
        public void way(long id, long[] nodeRefs, Map<String, String> tags) {
        }

        @Override
        public void relation(long id, List<Member> members, Map<String, String> tags) {
        }
    }
}
