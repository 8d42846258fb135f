package org.sanimap.engine.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.DoubleFunction;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Service radii that differ by zone, as standards set them by land use or street class (e.g. a public
 * toilet within 300 m in commercial and crowded places, 500 m in residential land): a demand unit inside
 * a zone is served within that zone's radius, a unit outside every zone within the study's default
 * radius. Where zones overlap, the smallest radius applies (the strictest rule binds). Membership is
 * point-in-polygon on the unit's position (borders count as inside), through prepared geometries behind
 * an STR-tree. Immutable.
 */
public final class RadiusZones {

    /** No zones: every unit is served within the default radius. */
    public static final RadiusZones NONE = new RadiusZones(List.of());

    /** The name the tally gives to demand outside every zone. */
    public static final String OUTSIDE_ZONES = "(outside zones)";

    private final List<Zone> zones;
    private final List<PreparedGeometry> prepared = new ArrayList<>();
    private final STRtree index = new STRtree();
    private final GeometryFactory factory = new GeometryFactory();

    /**
     * A zone and its radius.
     *
     * @param name         the zone's class, e.g. {@code residential}
     * @param areaWgs84    polygon or multipolygon, WGS84 degrees
     * @param radiusMeters service radius inside it, metres, &gt; 0
     */
    public record Zone(String name, Geometry areaWgs84, double radiusMeters) {
        public Zone {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a radius zone needs a name");
            }
            if (areaWgs84 == null || areaWgs84.isEmpty()) {
                throw new IllegalArgumentException("radius zone '" + name + "' has no area");
            }
            if (!(radiusMeters > 0) || Double.isInfinite(radiusMeters)) {
                throw new IllegalArgumentException("radius zone '" + name + "': radius " + radiusMeters + " m must be > 0");
            }
        }
    }

    /** @param zones the zones, any order (overlaps resolve to the smallest radius) */
    public RadiusZones(List<Zone> zones) {
        this.zones = List.copyOf(zones);
        for (int k = 0; k < this.zones.size(); k++) {
            Geometry area = this.zones.get(k).areaWgs84();
            prepared.add(PreparedGeometryFactory.prepare(area));
            index.insert(area.getEnvelopeInternal(), k);
        }
        index.build();
    }

    public List<Zone> zones() {
        return zones;
    }

    public boolean isEmpty() {
        return zones.isEmpty();
    }

    /** The zone whose radius applies at the position (the smallest radius among those holding it), or null. */
    public Zone zoneAt(double lonWgs84, double latWgs84) {
        if (zones.isEmpty()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Integer> near = index.query(new Envelope(lonWgs84, lonWgs84, latWgs84, latWgs84));
        Geometry point = null;
        int best = -1;
        for (int k : near) {
            Zone z = zones.get(k);
            if (best >= 0 && (z.radiusMeters() > zones.get(best).radiusMeters()
                    || (z.radiusMeters() == zones.get(best).radiusMeters() && best < k))) {
                continue;
            }
            if (point == null) {
                point = factory.createPoint(new Coordinate(lonWgs84, latWgs84));
            }
            if (prepared.get(k).covers(point)) {
                best = k;
            }
        }
        return best < 0 ? null : zones.get(best);
    }

    /** For each demand unit (by index), the radius it is served within, metres. */
    public double[] radiiMeters(List<DemandPoint> demand, double defaultRadiusMeters) {
        return radiiMeters(demand.stream().mapToDouble(DemandPoint::lonWgs84).toArray(),
                demand.stream().mapToDouble(DemandPoint::latWgs84).toArray(), defaultRadiusMeters);
    }

    /** For each position (by index, degrees WGS84), the radius a unit there is served within, metres. */
    public double[] radiiMeters(double[] lonWgs84, double[] latWgs84, double defaultRadiusMeters) {
        double[] r = new double[lonWgs84.length];
        for (int i = 0; i < r.length; i++) {
            Zone z = zoneAt(lonWgs84[i], latWgs84[i]);
            r[i] = z == null ? defaultRadiusMeters : z.radiusMeters();
        }
        return r;
    }

    /** The largest radius any unit can be served within: the default's or a zone's. */
    public double maxRadiusMeters(double defaultRadiusMeters) {
        return zones.stream().mapToDouble(Zone::radiusMeters).reduce(defaultRadiusMeters, Math::max);
    }

    /**
     * What the facilities serve when each zone has its own radius: inside a zone, the area served at its
     * radius; outside every zone, the area served at the default radius. Both {@code servedAtRadius} and
     * the result are in WGS84.
     *
     * @param servedAtRadius the area served at a radius in metres (e.g. the union of discs around the facilities)
     */
    public Geometry clipServiceArea(DoubleFunction<Geometry> servedAtRadius, double defaultRadiusMeters) {
        if (zones.isEmpty()) {
            return servedAtRadius.apply(defaultRadiusMeters);
        }
        // the region each radius governs: its zones, less the zones of a smaller radius overlapping them
        TreeMap<Double, List<Geometry>> byRadius = new TreeMap<>();
        for (Zone z : zones) {
            byRadius.computeIfAbsent(z.radiusMeters(), k -> new ArrayList<>()).add(z.areaWgs84().buffer(0));
        }
        List<Geometry> parts = new ArrayList<>();
        Geometry stricter = factory.createPolygon();
        for (var e : byRadius.entrySet()) {
            Geometry region = UnaryUnionOp.union(e.getValue()).difference(stricter);
            parts.add(servedAtRadius.apply(e.getKey()).intersection(region));
            stricter = stricter.union(region);
        }
        parts.add(servedAtRadius.apply(defaultRadiusMeters).difference(stricter));
        List<Geometry> nonEmpty = parts.stream().filter(g -> !g.isEmpty()).toList();
        return nonEmpty.isEmpty() ? factory.createPolygon() : UnaryUnionOp.union(nonEmpty);
    }

    /**
     * Residents and covered residents per zone, each unit counted in the zone whose radius it was served
     * within ({@link #OUTSIDE_ZONES} for the rest), in zone order with the outside last; zones holding no
     * demand are listed with zero. A unit counts as covered by {@link CoverageResult#isCovered}.
     */
    public List<ZoneCoverage> tally(List<DemandPoint> demand, CoverageResult coverage, double defaultRadiusMeters) {
        List<String> names = new ArrayList<>();
        List<Double> radii = new ArrayList<>();
        for (Zone z : zones) {
            if (!names.contains(z.name())) {
                names.add(z.name());
                radii.add(z.radiusMeters());
            } else {
                int at = names.indexOf(z.name());
                radii.set(at, Math.min(radii.get(at), z.radiusMeters()));
            }
        }
        names.add(OUTSIDE_ZONES);
        radii.add(defaultRadiusMeters);
        double[][] acc = new double[names.size()][4];
        for (int i = 0; i < demand.size(); i++) {
            DemandPoint d = demand.get(i);
            Zone z = zoneAt(d.lonWgs84(), d.latWgs84());
            double[] a = acc[z == null ? names.size() - 1 : names.indexOf(z.name())];
            a[0] += d.population();
            a[2]++;
            if (coverage.isCovered(i)) {
                a[1] += d.population();
                a[3]++;
            }
        }
        List<ZoneCoverage> out = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            if (k < names.size() - 1 || acc[k][2] > 0) {
                out.add(new ZoneCoverage(names.get(k), radii.get(k), acc[k][0], acc[k][1], (int) acc[k][2], (int) acc[k][3]));
            }
        }
        return out;
    }

    /**
     * Coverage inside one zone class.
     *
     * @param zone              the zone's name, or {@link #OUTSIDE_ZONES}
     * @param radiusMeters      the radius its units were served within, metres
     * @param totalPopulation   residents of its units
     * @param coveredPopulation residents of its covered units
     * @param cells             its demand units
     * @param coveredCells      its covered units
     */
    public record ZoneCoverage(String zone, double radiusMeters, double totalPopulation, double coveredPopulation,
            int cells, int coveredCells) {

        /** Covered share in percent, 0 without residents. */
        public double coveredPercent() {
            return totalPopulation > 0 ? 100.0 * coveredPopulation / totalPopulation : 0.0;
        }
    }
}
