package org.sanimap.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.postgresql.PGConnection;
import org.sanimap.engine.coverage.CoverageAnalyzer;
import org.sanimap.engine.coverage.CoverageResult;
import org.sanimap.engine.coverage.DemandPoint;
import org.sanimap.engine.coverage.FacilityPoint;

/**
 * Straight-line coverage benchmark: 1,000,000 weighted demand points x 10,000 facilities at 300 m in
 * a 40 km x 40 km box around Porto Alegre (fixed seed), the engine against PostGIS
 * ({@code ST_DWithin} on projected UTM 22S metres with a GiST index) on the same data in the same run.
 * Not a test: run it with
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx4g -cp target/test-classes:target/classes:$(cat target/cp.txt) org.sanimap.bench.CoverageBenchmark [demandPoints] [facilities] [jdbcUrl|none]
 * </pre>
 * The PostGIS part needs a local PostgreSQL with PostGIS; it creates database {@code sanimap_bench}.
 */
public final class CoverageBenchmark {

    private CoverageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int demandCount = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int facilityCount = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        String jdbc = args.length > 2 ? args[2] : "jdbc:postgresql://127.0.0.1:5432/";
        double radius = 300;
        Random random = new Random(20261124);
        // 40 km x 40 km around Porto Alegre: 0.4137 degrees of longitude and 0.3597 of latitude at -30.05
        double lon0 = -51.40;
        double lat0 = -30.23;
        double dLon = 0.4137;
        double dLat = 0.3597;
        List<DemandPoint> demand = new ArrayList<>(demandCount);
        for (int i = 0; i < demandCount; i++) {
            demand.add(new DemandPoint(Integer.toString(i), lon0 + random.nextDouble() * dLon, lat0 + random.nextDouble() * dLat,
                    1 + random.nextInt(50), null));
        }
        List<FacilityPoint> facilities = new ArrayList<>(facilityCount);
        for (int j = 0; j < facilityCount; j++) {
            facilities.add(new FacilityPoint("f" + j, lon0 + random.nextDouble() * dLon, lat0 + random.nextDouble() * dLat));
        }
        System.out.printf(Locale.ROOT, "data: %,d demand points, %,d facilities, radius %.0f m, %d cores%n", demandCount,
                facilityCount, radius, Runtime.getRuntime().availableProcessors());

        CoverageAnalyzer analyzer = new CoverageAnalyzer();
        CoverageResult result = null;
        long bestBuild = Long.MAX_VALUE;
        long bestCompute = Long.MAX_VALUE;
        for (int run = 0; run < 7; run++) {
            long t0 = System.nanoTime();
            CoverageAnalyzer.FacilityIndex index = analyzer.index(facilities, radius);
            long t1 = System.nanoTime();
            result = analyzer.compute(demand, index, radius);
            long t2 = System.nanoTime();
            if (run >= 2) {
                bestBuild = Math.min(bestBuild, t1 - t0);
                bestCompute = Math.min(bestCompute, t2 - t1);
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf(Locale.ROOT, "engine: index %.1f ms, compute %.1f ms (best of 5 after 2 warm-ups); covered %,d cells, "
                + "%,.0f of %,.0f people; heap in use %,d MB%n", bestBuild / 1e6, bestCompute / 1e6, result.coveredCells(),
                result.coveredPopulation(), result.totalPopulation(), (rt.totalMemory() - rt.freeMemory()) >> 20);

        if (jdbc.equals("none")) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(jdbc + "postgres", "postgres", "");
                Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS sanimap_bench WITH (FORCE)");
            st.execute("CREATE DATABASE sanimap_bench");
        }
        try (Connection db = DriverManager.getConnection(jdbc + "sanimap_bench", "postgres", "");
                Statement st = db.createStatement()) {
            st.execute("CREATE EXTENSION postgis");
            st.execute("CREATE TABLE demand (id int, population double precision, lon double precision, lat double precision)");
            st.execute("CREATE TABLE facility (id int, lon double precision, lat double precision)");
            StringBuilder d = new StringBuilder();
            for (int i = 0; i < demand.size(); i++) {
                DemandPoint p = demand.get(i);
                d.append(i).append(',').append(p.population()).append(',').append(p.lonWgs84()).append(',').append(p.latWgs84()).append('\n');
            }
            ((PGConnection) db).getCopyAPI().copyIn("COPY demand FROM STDIN WITH (FORMAT csv)", new StringReader(d.toString()));
            StringBuilder f = new StringBuilder();
            for (int j = 0; j < facilities.size(); j++) {
                FacilityPoint p = facilities.get(j);
                f.append(j).append(',').append(p.lonWgs84()).append(',').append(p.latWgs84()).append('\n');
            }
            ((PGConnection) db).getCopyAPI().copyIn("COPY facility FROM STDIN WITH (FORMAT csv)", new StringReader(f.toString()));
            long p0 = System.nanoTime();
            st.execute("ALTER TABLE demand ADD COLUMN geom geometry(Point, 32722)");
            st.execute("UPDATE demand SET geom = ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), 32722)");
            st.execute("ALTER TABLE facility ADD COLUMN geom geometry(Point, 32722)");
            st.execute("UPDATE facility SET geom = ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), 32722)");
            st.execute("CREATE INDEX ON facility USING GIST (geom)");
            st.execute("CREATE INDEX ON demand USING GIST (geom)");
            st.execute("VACUUM ANALYZE demand");
            st.execute("VACUUM ANALYZE facility");
            long p1 = System.nanoTime();
            String sql = "SELECT count(*), coalesce(sum(population), 0) FROM demand d WHERE EXISTS "
                    + "(SELECT 1 FROM facility f WHERE ST_DWithin(d.geom, f.geom, " + radius + "))";
            long best = Long.MAX_VALUE;
            long cells = 0;
            double people = 0;
            for (int run = 0; run < 3; run++) {
                long q0 = System.nanoTime();
                try (ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    cells = rs.getLong(1);
                    people = rs.getDouble(2);
                }
                best = Math.min(best, System.nanoTime() - q0);
            }
            System.out.printf(Locale.ROOT, "postgis: projection and GiST indexes %.1f s; query %.1f ms (best of 3); covered %,d cells, "
                    + "%,.0f people%n", (p1 - p0) / 1e9, best / 1e6, cells, people);
            System.out.printf(Locale.ROOT, "speed-up of the engine's compute over the PostGIS query: %.1fx; cells counted "
                    + "differently (UTM plane vs sphere at the 300 m boundary): %d%n", best / (double) bestCompute,
                    Math.abs(cells - result.coveredCells()));
        }
    }
}
