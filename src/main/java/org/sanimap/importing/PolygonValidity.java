package org.sanimap.importing;

import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Refuses polygons that are not valid (OGC simple features: a self-intersecting ring, a hole outside its
 * shell, ...), which would give wrong areas and densities (a bow-tie's signed halves cancel to 0 km²) or
 * break overlays later. The message names the problem and where it is, so the file can be mended.
 */
final class PolygonValidity {

    private PolygonValidity() {
    }

    /** @throws IllegalArgumentException naming the polygon, the problem and its position (lon, lat) */
    static void require(Geometry polygonal, String what) {
        TopologyValidationError error = new IsValidOp(polygonal).getValidationError();
        if (error == null) {
            return;
        }
        Coordinate at = error.getCoordinate();
        throw new IllegalArgumentException(what + " is not a valid polygon: " + error.getMessage()
                + (at == null ? "" : String.format(Locale.ROOT, " at (%.6f, %.6f)", at.x, at.y))
                + "; repair it (e.g. QGIS: Fix geometries) and import again");
    }
}
