package org.sanimap.importing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** File upload endpoint: {@code POST /api/imports}. */
@RestController
@Tag(name = "imports", description = "Import facilities, demand layers and districts from files")
class ImportController {

    private final ImportService service;

    ImportController(ImportService service) {
        this.service = service;
    }

    @PostMapping(path = "/api/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a file entirely or not at all; returns the import report")
    ImportReport importFile(
            @RequestParam("file") MultipartFile file,
            @Parameter(description = "osm-pbf, osm-xml, csv, geojson or gpkg; detected from the content when absent")
            @RequestParam(required = false) String format,
            @Parameter(description = "facilities (default), demand or districts") @RequestParam(required = false) String target,
            @Parameter(description = "demand or district layer name; default: the file name") @RequestParam(required = false) String layer,
            @Parameter(description = "CSV coordinates: wgs84 (default), cgcs2000, gcj02, bd09") @RequestParam(required = false) String crs,
            @RequestParam(required = false) String lonColumn,
            @RequestParam(required = false) String latColumn,
            @RequestParam(required = false) String defaultType,
            @RequestParam(required = false) String defaultStatus,
            @RequestParam(defaultValue = "false") boolean includeWasteBaskets,
            @Parameter(description = "CSV column holding since when each row's status holds (e.g. 建成时间); default: "
                    + "status_since, since, 状态日期 or 状态变更日期") @RequestParam(required = false) String statusSinceColumn,
            @Parameter(description = "districts from an OSM extract: the admin_level of the boundaries (e.g. 6 for 区, 8 for "
                    + "街道); without it the refusal lists the levels the extract has") @RequestParam(required = false) Integer adminLevel,
            @Parameter(description = "facilities: the district layer whose polygons name the district of records that state "
                    + "none; default: the only stored layer") @RequestParam(required = false) String districtLayer,
            @Parameter(description = "GeoPackage: the feature table to read; needed when it has several")
            @RequestParam(required = false) String table,
            @Parameter(description = "districts from GeoJSON or GeoPackage: the attribute naming each area (e.g. landuse "
                    + "for radius zones); polygons of one name are joined; default: name, 名称, district ... From an OSM "
                    + "extract, instead of adminLevel: a tag key whose areas are read, named by its value (landuse), or "
                    + "key=value, whose areas are named by their names (place=suburb)")
            @RequestParam(required = false) String nameProperty)
            throws IOException {
        ImportRequest request;
        Path temp = Files.createTempFile("sanimap-import-", ".upload");
        try {
            file.transferTo(temp);
            request = new ImportRequest(temp, file.getOriginalFilename(),
                    blank(format) ? null : ImportFormat.fromCode(format),
                    blank(target) ? ImportTarget.FACILITIES : ImportTarget.fromCode(target),
                    layer,
                    blank(crs) ? CoordinateSystem.WGS84 : CoordinateSystem.fromCode(crs),
                    blank(lonColumn) ? null : lonColumn,
                    blank(latColumn) ? null : latColumn,
                    blank(defaultType) ? null : FacilityType.fromCode(defaultType),
                    blank(defaultStatus) ? null : FacilityStatus.fromCode(defaultStatus),
                    includeWasteBaskets, blank(statusSinceColumn) ? null : statusSinceColumn, adminLevel,
                    blank(districtLayer) ? null : districtLayer.trim(), blank(table) ? null : table.trim(), nameProperty);
            return service.importFile(request);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
