package org.sanimap.engine.coverage;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Gap polygons: each planning area minus the service area of the facilities (straight-line: the union
 * of discs of the radius around them; walking: the polygon the caller builds from the reached
 * network). With no planning areas, the convex hull of the demand stands for the city. All geometry
 * work happens in a {@link LocalPlane}; results are in WGS84.
 */
public final class GapAreaBuilder {

    private static final int QUADRANT_SEGMENTS = 16;

    private final GeometryFactory factory = new GeometryFactory();

    /** A planning area's uncovered part. */
    public record GapArea(String district, Geometry areaWgs84, double areaKm2) {
    }

    /** The union of discs of {@code radiusMeters} around the facilities, in WGS84. */
    public Geometry straightLineServiceArea(List<FacilityPoint> facilities, double radiusMeters, LocalPlane plane) {
        List<Geometry> discs = new ArrayList<>(facilities.size());
        for (FacilityPoint f : facilities) {
            discs.add(factory.createPoint(plane.toPlane(f.lonWgs84(), f.latWgs84())).buffer(radiusMeters, QUADRANT_SEGMENTS));
        }
        Geometry union = discs.isEmpty() ? factory.createPolygon() : UnaryUnionOp.union(discs);
        return plane.toWgs84(union);
    }

    /**
     * @param serviceAreaWgs84 what the facilities serve
     * @param areas            planning areas; empty means the demand's convex hull
     * @param demand           the demand (for the hull)
     */
    public List<GapArea> gaps(Geometry serviceAreaWgs84, List<DistrictAssigner.NamedArea> areas, List<DemandPoint> demand,
            LocalPlane plane) {
        Geometry served = plane.toPlane(serviceAreaWgs84);
        List<GapArea> out = new ArrayList<>();
        if (areas.isEmpty()) {
            if (demand.size() < 3) {
                return out;
            }
            Geometry hull = factory.createMultiPointFromCoords(demand.stream()
                    .map(d -> plane.toPlane(d.lonWgs84(), d.latWgs84())).toArray(org.locationtech.jts.geom.Coordinate[]::new))
                    .convexHull();
            Geometry gap = hull.difference(served);
            out.add(new GapArea(DistrictAssigner.WHOLE_AREA, plane.toWgs84(gap), gap.getArea() / 1e6));
            return out;
        }
        for (DistrictAssigner.NamedArea a : areas) {
            Geometry gap = plane.toPlane(a.areaWgs84()).buffer(0).difference(served);
            out.add(new GapArea(a.name(), plane.toWgs84(gap), gap.getArea() / 1e6));
        }
        return out;
    }
}
