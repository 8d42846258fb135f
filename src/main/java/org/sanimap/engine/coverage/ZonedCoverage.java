package org.sanimap.engine.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage with a radius per zone ({@link RadiusZones}) on top of any metric: the radius given to
 * {@link #prepare} is the default, used outside every zone; each unit is tested against the facilities
 * prepared for its own radius. The base model prepares once per distinct radius, on first use.
 */
public final class ZonedCoverage implements CoverageModel {

    private final CoverageModel base;
    private final RadiusZones zones;

    /**
     * @param base  straight-line or walking coverage
     * @param zones the zones and their radii
     */
    public ZonedCoverage(CoverageModel base, RadiusZones zones) {
        this.base = base;
        this.zones = zones;
    }

    @Override
    public String metric() {
        return base.metric();
    }

    @Override
    public Prepared prepare(List<FacilityPoint> facilities, double defaultRadiusMeters) {
        return new Prepared(facilities, defaultRadiusMeters);
    }

    /** The facilities, prepared per radius as units of that radius are tested. */
    public final class Prepared implements PreparedCoverage {

        private final List<FacilityPoint> facilities;
        private final double defaultRadiusMeters;
        private final Map<Double, PreparedCoverage> byRadius = new HashMap<>();

        Prepared(List<FacilityPoint> facilities, double defaultRadiusMeters) {
            this.facilities = List.copyOf(facilities);
            this.defaultRadiusMeters = defaultRadiusMeters;
        }

        /** The default radius (outside every zone), metres. */
        @Override
        public double radiusMeters() {
            return defaultRadiusMeters;
        }

        /** The base model's facilities prepared for one radius. */
        private synchronized PreparedCoverage at(double radiusMeters) {
            return byRadius.computeIfAbsent(radiusMeters, r -> base.prepare(facilities, r));
        }

        @Override
        public boolean[] covered(List<DemandPoint> demand) {
            return PreparedCoverage.halfOrMore(coveredFraction(demand));
        }

        @Override
        public double[] coveredFraction(List<DemandPoint> demand) {
            double[] radii = zones.radiiMeters(demand, defaultRadiusMeters);
            Map<Double, List<Integer>> groups = new HashMap<>();
            for (int i = 0; i < radii.length; i++) {
                groups.computeIfAbsent(radii[i], k -> new ArrayList<>()).add(i);
            }
            double[] out = new double[demand.size()];
            for (var g : groups.entrySet()) {
                List<Integer> members = g.getValue();
                List<DemandPoint> sub = new ArrayList<>(members.size());
                members.forEach(i -> sub.add(demand.get(i)));
                double[] f = at(g.getKey()).coveredFraction(sub);
                for (int k = 0; k < f.length; k++) {
                    out[members.get(k)] = f[k];
                }
            }
            return out;
        }
    }
}
