package org.sanimap.engine.coverage;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Area-weighted coverage for polygon demand (population grids): a cell's covered population is its
 * population times the share of its area inside the service area, assuming residents spread evenly
 * over the cell (areal interpolation). The service area comes from the wrapped model's facilities:
 * discs of the radius for straight-line distance, the trimmed reached network for walking. Cells
 * without a polygon fall back to the wrapped model's centroid test.
 */
public final class AreaWeightedCoverage implements CoverageModel {

    private final CoverageModel centroidModel;
    private final Map<String, Geometry> cellPolygonsWgs84;
    private final LocalPlane plane;
    private final BiFunction<PreparedCoverage, List<FacilityPoint>, Geometry> serviceArea;

    /**
     * @param centroidModel     the model for cells without polygon and for the service area
     * @param cellPolygonsWgs84 cell polygon by demand id
     * @param plane             metric plane for areas
     * @param serviceArea       builds the service area (WGS84) of prepared facilities
     */
    public AreaWeightedCoverage(CoverageModel centroidModel, Map<String, Geometry> cellPolygonsWgs84, LocalPlane plane,
            BiFunction<PreparedCoverage, List<FacilityPoint>, Geometry> serviceArea) {
        this.centroidModel = centroidModel;
        this.cellPolygonsWgs84 = Map.copyOf(cellPolygonsWgs84);
        this.plane = plane;
        this.serviceArea = serviceArea;
    }

    @Override
    public String metric() {
        return centroidModel.metric();
    }

    @Override
    public PreparedCoverage prepare(List<FacilityPoint> facilities, double radiusMeters) {
        PreparedCoverage centroid = centroidModel.prepare(facilities, radiusMeters);
        Geometry served = plane.toPlane(serviceArea.apply(centroid, facilities));
        PreparedGeometry servedPrepared = PreparedGeometryFactory.prepare(served);
        return new PreparedCoverage() {
            @Override
            public double radiusMeters() {
                return radiusMeters;
            }

            @Override
            public boolean[] covered(List<DemandPoint> demand) {
                return PreparedCoverage.halfOrMore(coveredFraction(demand));
            }

            @Override
            public double[] coveredFraction(List<DemandPoint> demand) {
                double[] byCentroid = centroid.coveredFraction(demand);
                double[] out = new double[demand.size()];
                for (int i = 0; i < out.length; i++) {
                    Geometry cell = cellPolygonsWgs84.get(demand.get(i).id());
                    if (cell == null) {
                        out[i] = byCentroid[i];
                        continue;
                    }
                    Geometry c = plane.toPlane(cell);
                    double area = c.getArea();
                    if (area <= 0 || servedPrepared.disjoint(c)) {
                        out[i] = 0;
                    } else if (servedPrepared.contains(c)) {
                        out[i] = 1;
                    } else {
                        out[i] = Math.min(1, c.intersection(served).getArea() / area);
                    }
                }
                return out;
            }
        };
    }
}
