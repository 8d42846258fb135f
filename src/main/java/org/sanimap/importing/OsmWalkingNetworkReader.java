package org.sanimap.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.sanimap.engine.network.FootAccessRules;
import org.sanimap.engine.network.WalkingGraph;
import org.sanimap.engine.network.WalkingGraphBuilder;

/**
 * Builds the pedestrian graph of an OSM extract (PBF or XML): the ways {@link FootAccessRules}
 * allows, in two streaming passes (ways, then the coordinates of their nodes only).
 */
public final class OsmWalkingNetworkReader {

    /** Reads an OSM PBF extract. @throws ImportRejectedException when it is not valid PBF */
    public WalkingGraph readPbf(Path file) {
        return read(visitor -> OsmPbfScanner.scan(file, visitor));
    }

    /** Reads an OSM XML extract. @throws ImportRejectedException when it is not valid OSM XML */
    public WalkingGraph readXml(Path file) {
        return read(visitor -> OsmXmlScanner.scan(file, visitor));
    }

    private WalkingGraph read(Consumer<OsmElementVisitor> pass) {
        List<long[]> ways = new ArrayList<>();
        Map<Long, double[]> nodes = new HashMap<>();
        pass.accept(new OsmElementVisitor() {
            @Override
            public void node(long id, double lon, double lat, Map<String, String> tags) {
                // coordinates come in the second pass
            }

            @Override
            public void way(long id, long[] refs, Map<String, String> tags) {
                if (refs.length >= 2 && FootAccessRules.walkable(tags)) {
                    ways.add(refs);
                    for (long r : refs) {
                        nodes.put(r, null);
                    }
                }
            }

            @Override
            public void relation(long id, List<Member> members, Map<String, String> tags) {
                // pedestrian areas as relations are left out
            }
        });
        pass.accept(new OsmElementVisitor() {
            @Override
            public void node(long id, double lon, double lat, Map<String, String> tags) {
                if (nodes.containsKey(id)) {
                    nodes.put(id, new double[] {lon, lat});
                }
            }

            @Override
            public void way(long id, long[] refs, Map<String, String> tags) {
                // done in the first pass
            }

            @Override
            public void relation(long id, List<Member> members, Map<String, String> tags) {
                // not needed
            }
        });
        WalkingGraphBuilder builder = new WalkingGraphBuilder();
        for (long[] refs : ways) {
            double[] lons = new double[refs.length];
            double[] lats = new double[refs.length];
            for (int k = 0; k < refs.length; k++) {
                double[] c = nodes.get(refs[k]);
                lons[k] = c == null ? Double.NaN : c[0];
                lats[k] = c == null ? Double.NaN : c[1];
            }
            builder.addWay(refs, lons, lats);
        }
        return builder.build();
    }
}
