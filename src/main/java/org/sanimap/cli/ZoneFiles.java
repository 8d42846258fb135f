package org.sanimap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sanimap.engine.coverage.DistrictAssigner;
import org.sanimap.engine.coverage.RadiusZones;

/**
 * The radius zones a command's {@code --zones Z [--zone-property ATTR] --zone-radius CLASS=M,...} name: the
 * areas of Z (named by ATTR) that {@code --zone-radius} gives a radius, as the engine takes them.
 */
final class ZoneFiles {

    private ZoneFiles() {
    }

    /**
     * Radius zones read from a file.
     *
     * @param name          the file's name, as the report's zone layer
     * @param zones         the areas given a radius
     * @param withoutRadius the file's areas that {@code --zone-radius} names no radius for (served within the default)
     */
    record ZoneFile(String name, RadiusZones zones, List<String> withoutRadius) {
    }

    /**
     * @return the zones, or null without {@code --zones}
     * @throws IllegalArgumentException on a malformed {@code --zone-radius} or a class the file has no area of
     */
    static ZoneFile read(CommandLineArguments a) throws IOException {
        String file = a.optional("zones");
        Map<String, String> radii = a.pairs("zone-radius", "residential=500");
        if (file == null) {
            if (radii != null || a.optional("zone-property") != null) {
                throw new IllegalArgumentException("--zone-radius and --zone-property need --zones Z");
            }
            return null;
        }
        if (radii == null) {
            throw new IllegalArgumentException("--zones needs --zone-radius CLASS=METERS[,CLASS=METERS...], e.g. residential=500");
        }
        Map<String, Double> radiusOf = radii(radii);
        Path path = CommandLineArguments.existingFile(file);
        List<DistrictAssigner.NamedArea> areas = DistrictFiles.read(path, null, a.optional("zone-property"));
        List<String> names = areas.stream().map(DistrictAssigner.NamedArea::name).toList();
        for (String zone : radiusOf.keySet()) {
            if (!names.contains(zone)) {
                throw new IllegalArgumentException("--zone-radius names '" + zone + "', which " + path.getFileName()
                        + " has no area of; it has " + names.stream().sorted().limit(20).toList());
            }
        }
        List<RadiusZones.Zone> zones = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (DistrictAssigner.NamedArea area : areas) {
            Double r = radiusOf.get(area.name());
            if (r == null) {
                without.add(area.name());
            } else {
                zones.add(new RadiusZones.Zone(area.name(), area.areaWgs84(), r));
            }
        }
        return new ZoneFile(path.getFileName().toString(), new RadiusZones(zones), without);
    }

    /** {@code residential=500,commercial=300} as class → metres, in the order given. */
    private static Map<String, Double> radii(Map<String, String> pairs) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : pairs.entrySet()) {
            String zone = pair.getKey();
            String value = pair.getValue();
            double meters;
            try {
                meters = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--zone-radius " + zone + ": '" + value + "' is not a number of metres");
            }
            if (!(meters > 0) || meters > 100_000) {
                throw new IllegalArgumentException("--zone-radius " + zone + ": " + value + " m out of range (0, 100000]");
            }
            out.put(zone, meters);
        }
        return out;
    }
}
