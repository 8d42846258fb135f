package org.sanimap.importing;

import java.nio.file.Path;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;

/** Reads facilities from the first (or a named) feature table of a GeoPackage. */
public final class GeoPackageFacilityReader {

    private final FacilityType defaultType;
    private final FacilityStatus defaultStatus;

    public GeoPackageFacilityReader(FacilityType defaultType, FacilityStatus defaultStatus) {
        this.defaultType = defaultType;
        this.defaultStatus = defaultStatus;
    }

    /** @throws ImportRejectedException when the file is not a GeoPackage or a feature is invalid */
    public FacilityReadResult read(Path file, String fileName, String table) {
        return FeatureFacilityMapper.map(GeoPackageFeatureSource.read(file, table), fileName, defaultType, defaultStatus);
    }
}
