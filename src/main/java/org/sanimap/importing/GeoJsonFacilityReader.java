package org.sanimap.importing;

import java.io.IOException;
import java.nio.file.Path;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;

/** Reads facilities from GeoJSON (RFC 7946), see {@link FeatureFacilityMapper} for the properties. */
public final class GeoJsonFacilityReader {

    private final FacilityType defaultType;
    private final FacilityStatus defaultStatus;

    public GeoJsonFacilityReader(FacilityType defaultType, FacilityStatus defaultStatus) {
        this.defaultType = defaultType;
        this.defaultStatus = defaultStatus;
    }

    /** @throws ImportRejectedException on broken JSON or any invalid feature */
    public FacilityReadResult read(Path file, String fileName) throws IOException {
        return FeatureFacilityMapper.map(GeoJsonFeatureSource.read(file), fileName, defaultType, defaultStatus);
    }
}
