package org.sanimap.engine.coverage;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Puts demand points into planning areas by point-in-polygon (JTS prepared geometries behind an
 * STR-tree). A point on a shared border goes to the first area in input order that covers it; a point
 * in no area keeps no district. With no areas at all, every point belongs to one area named
 * {@link #WHOLE_AREA}, as a city with no districts loaded is one planning area.
 */
public final class DistrictAssigner {

    /** The name of the single area used when no planning areas are given. */
    public static final String WHOLE_AREA = "(all)";

    private final List<String> names = new ArrayList<>();
    private final List<PreparedGeometry> areas = new ArrayList<>();
    private final STRtree index = new STRtree();
    private final GeometryFactory factory = new GeometryFactory();

    /**
     * @param namedAreas planning areas (name, polygon in WGS84), in priority order
     */
    public DistrictAssigner(List<NamedArea> namedAreas) {
        for (NamedArea a : namedAreas) {
            int at = areas.size();
            names.add(a.name());
            areas.add(PreparedGeometryFactory.prepare(a.areaWgs84()));
            index.insert(a.areaWgs84().getEnvelopeInternal(), at);
        }
        index.build();
    }

    /** The area containing the position, {@link #WHOLE_AREA} when there are no areas, else null. */
    public String districtOf(double lonWgs84, double latWgs84) {
        if (areas.isEmpty()) {
            return WHOLE_AREA;
        }
        @SuppressWarnings("unchecked")
        List<Integer> candidates = index.query(new Envelope(lonWgs84, lonWgs84, latWgs84, latWgs84));
        Geometry point = factory.createPoint(new Coordinate(lonWgs84, latWgs84));
        int best = Integer.MAX_VALUE;
        for (int at : candidates) {
            if (at < best && areas.get(at).covers(point)) {
                best = at;
            }
        }
        return best == Integer.MAX_VALUE ? null : names.get(best);
    }

    /** The same demand with each point's district set from the areas. */
    public List<DemandPoint> assign(List<DemandPoint> demand) {
        List<DemandPoint> out = new ArrayList<>(demand.size());
        for (DemandPoint d : demand) {
            out.add(new DemandPoint(d.id(), d.lonWgs84(), d.latWgs84(), d.population(),
                    districtOf(d.lonWgs84(), d.latWgs84())));
        }
        return out;
    }

    /**
     * A planning area.
     *
     * @param name      the area's name
     * @param areaWgs84 polygon or multipolygon in WGS84
     */
    public record NamedArea(String name, Geometry areaWgs84) {
    }
}
