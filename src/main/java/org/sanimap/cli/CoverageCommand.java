package org.sanimap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sanimap.coverage.CoverageReport;
import org.sanimap.coverage.CoverageRequest;
import org.sanimap.demand.DemandCell;
import org.sanimap.engine.coverage.CoverageAnalyzer;
import org.sanimap.engine.coverage.CoverageModel;
import org.sanimap.engine.coverage.CoverageStudy;
import org.sanimap.engine.coverage.DemandPoint;
import org.sanimap.engine.coverage.DistrictAssigner;
import org.sanimap.engine.coverage.FacilityPoint;
import org.sanimap.engine.coverage.ZonedCoverage;
import org.sanimap.engine.network.WalkingCoverageAnalyzer;
import org.sanimap.facility.FacilityAttributes;
import org.sanimap.facility.FacilityStatus;
import org.sanimap.facility.FacilityType;
import org.sanimap.importing.CoordinateSystem;
import org.sanimap.importing.CsvFacilityReader;
import org.sanimap.importing.CsvReadOptions;
import org.sanimap.importing.DemandCsvReader;
import org.sanimap.importing.DemandGeoPackageReader;
import org.sanimap.importing.DemandReadResult;
import org.sanimap.importing.FacilityReadResult;
import org.sanimap.importing.GeoJsonFacilityReader;
import org.sanimap.importing.GeoPackageFacilityReader;
import org.sanimap.importing.ImportFormat;
import org.sanimap.importing.ImportFormatDetector;
import org.sanimap.importing.ImportRejectedException;
import org.sanimap.importing.OsmFacilityReader;
import org.sanimap.importing.OsmReadOptions;
import org.sanimap.importing.OsmWalkingNetworkReader;

/**
 * {@code coverage}: a coverage report from files, with no server and no database.
 *
 * <pre>
 * java -jar target/sanimap.jar coverage --facilities F --demand D [--districts P [--admin-level L]] [--network OSM.pbf] --type T
 *     --radius-meters R [--zones Z [--zone-property ATTR] --zone-radius CLASS=M[,CLASS=M...]] [--metric euclidean|walking]
 *     [--include STATUSES] [--mobile-as-toilets] [--crs wgs84|cgcs2000|gcj02|bd09] --out report.json
 * </pre>
 * F: GeoJSON, CSV (lon, lat), OSM PBF/XML or GeoPackage; rows without a type are of type T. D: CSV
 * with lon, lat, population (or a GeoPackage grid). P: GeoJSON or GeoPackage polygons, or an OSM extract
 * whose administrative boundaries of admin_level L are the districts. Z: GeoJSON or GeoPackage polygons
 * named by ATTR (e.g. landuse; polygons of a name are joined): residents inside a zone named in
 * {@code --zone-radius} are served within its radius, the rest within R. The report
 * has the same shape as {@code GET /api/coverage}.
 */
public final class CoverageCommand {

    static final String USAGE = "usage: java -jar sanimap.jar coverage --facilities F --demand D [--districts P [--admin-level L]] "
            + "[--network OSM.pbf] --type T --radius-meters R [--zones Z [--zone-property ATTR] --zone-radius CLASS=M[,CLASS=M...]] "
            + "[--metric euclidean|walking] [--include STATUSES] [--mobile-as-toilets] "
            + "[--crs wgs84|cgcs2000|gcj02|bd09] --out report.json";

    private CoverageCommand() {
    }

    /** Runs the command; returns the process exit code (0 done, 2 bad input). */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (CommandLineArguments.asksForHelp(args)) {
            out.println(USAGE);
            return 0;
        }
        try {
            CommandLineArguments a = new CommandLineArguments(args,
                    Set.of("facilities", "demand", "districts", "admin-level", "network", "type", "radius-meters", "metric",
                            "include", "crs", "out", "zones", "zone-property", "zone-radius"),
                    Set.of("mobile-as-toilets"));
            long t0 = System.nanoTime();
            Set<FacilityStatus> statuses = EnumSet.of(FacilityStatus.IN_SERVICE);
            if (a.optional("include") != null) {
                Arrays.stream(a.optional("include").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(FacilityStatus::fromCode).forEach(statuses::add);
            }
            CoverageRequest request = new CoverageRequest(FacilityType.fromCode(a.required("type")),
                    a.number("radius-meters"), a.optional("metric"), statuses, a.flag("mobile-as-toilets"), null);
            Path facilitiesFile = CommandLineArguments.existingFile(a.required("facilities"));
            Path demandFile = CommandLineArguments.existingFile(a.required("demand"));
            String outPath = a.required("out");
            CoordinateSystem crs = a.optional("crs") == null ? CoordinateSystem.WGS84 : CoordinateSystem.fromCode(a.optional("crs"));

            Set<FacilityType> types = EnumSet.of(request.type());
            if (request.mobileAsToilets() && request.type() == FacilityType.PUBLIC_TOILET) {
                types.add(FacilityType.MOBILE_TOILET);
            }
            List<FacilityPoint> facilities = new ArrayList<>();
            int n = 0;
            for (FacilityAttributes f : readFacilities(facilitiesFile, request.type(), crs).facilities()) {
                n++;
                if (types.contains(f.type()) && statuses.contains(f.status())) {
                    facilities.add(new FacilityPoint(f.source().key() == null ? "f" + n : f.source().key(), f.lonWgs84(),
                            f.latWgs84()));
                }
            }
            List<DemandPoint> demand = new ArrayList<>();
            for (DemandCell c : readDemand(demandFile).cells()) {
                demand.add(new DemandPoint(c.key(), c.lonWgs84(), c.latWgs84(), c.population(), null));
            }
            List<DistrictAssigner.NamedArea> areas = new ArrayList<>();
            if (a.optional("districts") != null) {
                areas.addAll(DistrictFiles.read(CommandLineArguments.existingFile(a.optional("districts")), a.optional("admin-level")));
            }
            long loadMillis = (System.nanoTime() - t0) / 1_000_000; // files read (and the network built)
            CoverageModel model = new CoverageAnalyzer();
            if (request.metric().equals("walking")) {
                if (a.optional("network") == null) {
                    throw new IllegalArgumentException("--metric walking needs --network OSM.pbf");
                }
                Path networkFile = CommandLineArguments.existingFile(a.optional("network"));
                OsmWalkingNetworkReader reader = new OsmWalkingNetworkReader();
                model = new WalkingCoverageAnalyzer(format(networkFile) == ImportFormat.OSM_PBF ? reader.readPbf(networkFile)
                        : reader.readXml(networkFile));
                loadMillis = (System.nanoTime() - t0) / 1_000_000;
            }
            ZoneFiles.ZoneFile zones = ZoneFiles.read(a);
            if (zones != null) {
                model = new ZonedCoverage(model, zones.zones());
            }
            CoverageStudy.Result study = new CoverageStudy(model).run(demand, facilities, areas,
                    request.radiusMeters(), 20);
            CoverageReport report = CoverageReport.of(request.type().code(), request.metric(), request.radiusMeters(),
                    statuses.stream().map(FacilityStatus::code).toList(), facilities.size(),
                    demandFile.getFileName().toString(), study, loadMillis);
            if (zones != null) {
                report = report.withZoning(CoverageReport.Zoning.of(zones.name(), zones.zones().tally(study.demand(),
                        study.coverage(), request.radiusMeters()), java.util.Map.of(), zones.withoutRadius()));
            }
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            if (outPath.equals("-")) {
                out.println(json.writeValueAsString(report));
            } else {
                json.writeValue(Path.of(outPath).toFile(), report);
                out.printf("covered %.0f of %.0f residents (%.2f %%) within %.0f m of %d facilities; report in %s%n",
                        report.coveredPopulation(), report.totalPopulation(), report.coveredPercent(), report.radiusMeters(),
                        report.facilityCount(), outPath);
            }
            return 0;
        } catch (ImportRejectedException e) {
            err.println("error: " + e.getMessage());
            e.errors().stream().skip(1).limit(20).forEach(m -> err.println("  " + m));
            return 2;
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    static ImportFormat format(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64 * 1024);
            if (head.length == 0) {
                throw new IllegalArgumentException(file + " is empty");
            }
            return ImportFormatDetector.detect(head, file.getFileName().toString()).orElseThrow(() ->
                    new IllegalArgumentException("cannot tell the format of " + file + "; it is none of " + ImportFormat.codes()));
        }
    }

    private static FacilityReadResult readFacilities(Path file, FacilityType type, CoordinateSystem crs) throws IOException {
        String name = file.getFileName().toString();
        return switch (format(file)) {
            case OSM_PBF -> new OsmFacilityReader(OsmReadOptions.defaults()).readPbf(file);
            case OSM_XML -> new OsmFacilityReader(OsmReadOptions.defaults()).readXml(file);
            case CSV -> new CsvFacilityReader(new CsvReadOptions(crs, null, null, type, null)).read(file, name);
            case GEOJSON -> new GeoJsonFacilityReader(type, null).read(file, name);
            case GPKG -> new GeoPackageFacilityReader(type, null).read(file, name, null);
        };
    }

    private static DemandReadResult readDemand(Path file) throws IOException {
        return switch (format(file)) {
            case CSV -> new DemandCsvReader().read(file, file.getFileName().toString());
            case GPKG -> new DemandGeoPackageReader().read(file, file.getFileName().toString(), null);
            default -> throw new IllegalArgumentException("demand must be CSV (lon, lat, population) or a GeoPackage grid");
        };
    }

}
