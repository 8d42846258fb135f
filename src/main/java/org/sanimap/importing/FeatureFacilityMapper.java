package org.sanimap.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilitySource;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;

/**
 * Turns GeoJSON or GeoPackage features into facilities. Properties carry the attribute names of the
 * API (type, status, name, address, district, capacity, toiletGrade, openingHours, barrierFree,
 * operator, statusSince, id) or the CSV's English and Chinese names. Points keep their position; other geometries
 * use their centroid. A feature without geometry is skipped; any invalid feature rejects the file.
 */
final class FeatureFacilityMapper {

    private static final Map<String, List<String>> NAMES = new HashMap<>();

    static {
        CsvFacilityReader.SYNONYMS.forEach((field, names) -> NAMES.put(field, new ArrayList<>(names)));
        NAMES.get(FacilityFieldParser.GRADE).add(0, "toiletGrade");
        NAMES.get(FacilityFieldParser.OPENING_HOURS).add(0, "openingHours");
        NAMES.get(FacilityFieldParser.BARRIER_FREE).add(0, "barrierFree");
        NAMES.get(FacilityFieldParser.STATUS_SINCE).add(0, "statusSince");
    }

    private FeatureFacilityMapper() {
    }

    static FacilityReadResult map(List<SourceFeature> features, String fileName, FacilityType defaultType,
            FacilityStatus defaultStatus) {
        List<FacilityAttributes> facilities = new ArrayList<>();
        List<LocalDate> statusSince = new ArrayList<>();
        List<Boolean> statusStated = new ArrayList<>();
        LocalDate today = LocalDate.now();
        List<ImportSkip> skips = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (SourceFeature f : features) {
            if (f.geometryWgs84() == null || f.geometryWgs84().isEmpty()) {
                skips.add(new ImportSkip("feature " + f.number(), "it has no geometry"));
                continue;
            }
            try {
                Geometry g = f.geometryWgs84();
                Point p = g instanceof Point point ? point : g.getCentroid();
                CsvFacilityReader.checkRange(p.getX(), p.getY());
                String id = f.property(NAMES.get(FacilityFieldParser.ID));
                if (id == null) {
                    id = f.id();
                }
                String key = FacilitySource.fileKeyPrefix(fileName) + (id != null ? "id=" + id : "feature=" + f.number());
                FacilitySource source = FacilitySource.file(key, fileName + " feature " + f.number());
                FacilityAttributes a = FacilityFieldParser.parse(field -> f.property(NAMES.get(field)), p.getX(), p.getY(),
                        defaultType, defaultStatus == null ? FacilityStatus.IN_SERVICE : defaultStatus, source);
                LocalDate since = FacilityFieldParser.statusSince(f.property(NAMES.get(FacilityFieldParser.STATUS_SINCE)), today);
                facilities.add(a);
                statusSince.add(since);
                statusStated.add(FacilityFieldParser.statesStatus(field -> f.property(NAMES.get(field))));
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage() + " at feature " + f.number());
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return new FacilityReadResult(facilities, statusSince, statusStated, skips);
    }
}
