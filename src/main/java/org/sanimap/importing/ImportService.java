package org.sanimap.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sanimap.config.SanimapProperties;
import org.sanimap.demand.DemandService;
import org.sanimap.engine.coverage.DistrictAssigner;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilityService;
import org.sanimap.facility.FacilitySource;
import org.sanimap.facility.UpsertCounts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Imports one file atomically: the whole file is read and validated in memory first, then written in
 * one transaction through the owning feature's service, so a file imports entirely or not at all.
 * Records are matched by source id, so importing the same file again changes nothing.
 */
@Service
public class ImportService {

    private static final int HEAD_BYTES = 64 * 1024;

    private final FacilityService facilities;
    private final DemandService demand;
    private final ApplicationEventPublisher events;
    private final int maxSkipsReported;

    ImportService(FacilityService facilities, DemandService demand, ApplicationEventPublisher events,
            SanimapProperties properties) {
        this.facilities = facilities;
        this.demand = demand;
        this.events = events;
        this.maxSkipsReported = properties.imports().maxSkipsReported();
    }

    /**
     * Reads, validates and writes one file.
     *
     * @throws ImportRejectedException when the file cannot be imported; nothing was written then
     */
    public ImportReport importFile(ImportRequest request) {
        long started = System.nanoTime();
        ImportFormat format = resolveFormat(request);
        Written written;
        try {
            written = switch (request.target()) {
                case FACILITIES -> importFacilities(request, format);
                case DEMAND -> importDemand(request, format);
                case DISTRICTS -> importDistricts(request, format);
            };
        } catch (ImportRejectedException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ImportRejectedException(e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new ImportRejectedException("could not read " + request.fileName() + " as " + format.code() + ": "
                    + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()));
        }
        UpsertCounts c = written.counts();
        List<ImportSkip> skips = written.skips();
        return new ImportReport(request.fileName(), format.code(), request.target().code(),
                request.target() == ImportTarget.FACILITIES ? null : request.effectiveLayerName(),
                c.created() + c.updated() + c.unchanged(), c.created(), c.updated(), c.unchanged(), c.removed(), written.statusDates(),
                written.districtsFromLocation(), written.notInFile(), written.polygonsJoined(), skips.size(),
                skips.subList(0, Math.min(skips.size(), maxSkipsReported)), (System.nanoTime() - started) / 1_000_000);
    }

    private ImportFormat resolveFormat(ImportRequest request) {
        byte[] head;
        long size;
        try (InputStream in = Files.newInputStream(request.file())) {
            size = Files.size(request.file());
            head = in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new ImportRejectedException("could not read the uploaded file: " + e.getMessage());
        }
        if (size == 0) {
            throw new ImportRejectedException("file is empty");
        }
        if (request.format() != null) {
            return request.format();
        }
        return ImportFormatDetector.detect(head, request.fileName()).orElseThrow(() -> new ImportRejectedException(
                "could not recognise the format of " + request.fileName() + "; it is none of " + ImportFormat.codes()
                        + " (pass format= to say which it is)"));
    }

    private Written importFacilities(ImportRequest request, ImportFormat format) throws IOException {
        FacilityReadResult result = switch (format) {
            case OSM_PBF -> new OsmFacilityReader(new OsmReadOptions(request.includeWasteBaskets())).readPbf(request.file());
            case OSM_XML -> new OsmFacilityReader(new OsmReadOptions(request.includeWasteBaskets())).readXml(request.file());
            case CSV -> new CsvFacilityReader(new CsvReadOptions(request.crs(), request.lonColumn(), request.latColumn(),
                    request.defaultType(), request.defaultStatus(), request.statusSinceColumn())).read(request.file(), request.fileName());
            case GEOJSON -> new GeoJsonFacilityReader(request.defaultType(), request.defaultStatus()).read(request.file(), request.fileName());
            case GPKG -> new GeoPackageFacilityReader(request.defaultType(), request.defaultStatus()).read(request.file(), request.fileName(), request.table());
        };
        List<FacilityAttributes> records = result.facilities();
        int located = 0;
        if (records.stream().anyMatch(a -> a.district() == null)) {
            java.util.Optional<String> layer = demand.layerForFacilityDistricts(request.districtLayer());
            if (layer.isPresent()) {
                DistrictAssigner areas = demand.assigner(layer.get());
                List<FacilityAttributes> placed = new ArrayList<>(records.size());
                for (FacilityAttributes a : records) {
                    String in = a.district() == null ? areas.districtOf(a.lonWgs84(), a.latWgs84()) : null;
                    placed.add(in == null ? a : a.withDistrict(in));
                    located += in == null ? 0 : 1;
                }
                records = placed;
            }
        }
        // a default status the user named for the file is a statement; the readers' own default is not
        List<Boolean> statusStated = request.defaultStatus() != null ? java.util.Collections.nCopies(records.size(), true)
                : result.statusStated();
        UpsertCounts counts = facilities.upsertBySourceKey(records, result.statusSince(), statusStated);
        // a file's records carry its name in their keys: those of an earlier import now missing are told, not deleted
        int notInFile = format == ImportFormat.OSM_PBF || format == ImportFormat.OSM_XML ? 0
                : facilities.countMissingFrom(FacilitySource.fileKeyPrefix(request.fileName()),
                        records.stream().map(a -> a.source().key()).toList());
        if (format == ImportFormat.OSM_PBF || format == ImportFormat.OSM_XML) {
            // the extract also carries the streets: listeners keep it as the walking network
            events.publishEvent(new OsmExtractImported(request.file(), format == ImportFormat.OSM_PBF));
        }
        return new Written(counts, result.skips(), (int) result.statusSince().stream().filter(java.util.Objects::nonNull).count(),
                located, notInFile);
    }

    private Written importDemand(ImportRequest request, ImportFormat format) throws IOException {
        DemandReadResult result = switch (format) {
            case CSV -> new DemandCsvReader().read(request.file(), request.fileName());
            case GPKG -> new DemandGeoPackageReader().read(request.file(), request.fileName(), request.table());
            default -> throw new ImportRejectedException("a demand layer must be CSV (id, lon, lat, population) or a "
                    + "GeoPackage grid, not " + format.code());
        };
        if (result.cells().isEmpty()) {
            throw new ImportRejectedException(request.fileName() + " holds no demand cells");
        }
        return new Written(demand.upsertLayer(request.effectiveLayerName(), request.fileName(), result.cells()),
                result.skips(), 0, 0, 0);
    }

    private Written importDistricts(ImportRequest request, ImportFormat format) throws IOException {
        PlanningAreaReadResult result = switch (format) {
            case GEOJSON -> new PlanningAreaReader(request.nameProperty()).readGeoJson(request.file(), request.fileName());
            case GPKG -> new PlanningAreaReader(request.nameProperty()).readGeoPackage(request.file(), request.fileName(),
                    request.table());
            case OSM_PBF -> osmAreas(request).readPbf(request.file(), request.fileName());
            case OSM_XML -> osmAreas(request).readXml(request.file(), request.fileName());
            default -> throw new ImportRejectedException("a district layer must be GeoJSON or GeoPackage polygons or an OSM "
                    + "extract's administrative boundaries, not " + format.code());
        };
        if (result.areas().isEmpty()) {
            if (result.skips().isEmpty()) {
                throw new ImportRejectedException(request.fileName() + " holds no district polygons");
            }
            // say why each one was left out, or the refusal leaves the planner guessing
            List<String> errors = new ArrayList<>();
            errors.add(request.fileName() + " holds no whole district polygon: all " + result.skips().size()
                    + " were left out");
            result.skips().stream().limit(maxSkipsReported).forEach(k -> errors.add(k.location() + ": " + k.reason()));
            throw new ImportRejectedException(errors);
        }
        return new Written(demand.upsertPlanningAreas(request.effectiveLayerName(), result.areas()), result.skips(), 0, 0, 0,
                result.joined());
    }

    /** Administrative boundaries of the level asked for, or with nameProperty the areas tagged with that key. */
    private static OsmBoundaryReader osmAreas(ImportRequest request) {
        if (request.nameProperty() != null) {
            if (request.adminLevel() != null) {
                throw new ImportRejectedException("give adminLevel (administrative boundaries) or nameProperty (areas tagged "
                        + "with that key, e.g. landuse), not both");
            }
            return OsmBoundaryReader.byTag(request.nameProperty());
        }
        return new OsmBoundaryReader(request.adminLevel());
    }

    private record Written(UpsertCounts counts, List<ImportSkip> skips, int statusDates, int districtsFromLocation,
            int notInFile, int polygonsJoined) {
        Written {
            skips = new ArrayList<>(skips);
        }

        Written(UpsertCounts counts, List<ImportSkip> skips, int statusDates, int districtsFromLocation, int notInFile) {
            this(counts, skips, statusDates, districtsFromLocation, notInFile, 0);
        }
    }
}
