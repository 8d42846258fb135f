package org.sanimap.importing;

import crosby.binary.BinaryParser;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockInputStream;
import crosby.binary.file.FileBlock;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One pass over an OSM PBF file (osmpbf library), handing every element to a visitor. */
final class OsmPbfScanner {

    private OsmPbfScanner() {
    }

    /**
     * @throws ImportRejectedException when the file is not OSM PBF
     */
    static void scan(Path file, OsmElementVisitor visitor) {
        Parser parser = new Parser(visitor);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            new BlockInputStream(in, parser).process();
        } catch (IOException | RuntimeException e) {
            throw new ImportRejectedException("not a valid OSM PBF file: " + describe(e));
        }
        if (!parser.sawHeader) {
            throw new ImportRejectedException("not a valid OSM PBF file: it has no OSMHeader block");
        }
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private static final class Parser extends BinaryParser {
        private final OsmElementVisitor visitor;
        private boolean sawHeader;
        private boolean sawAnyBlock;

        Parser(OsmElementVisitor visitor) {
            this.visitor = visitor;
        }

        @Override
        public void handleBlock(FileBlock block) {
            if (!sawAnyBlock) {
                sawAnyBlock = true;
                if (!"OSMHeader".equals(block.getType())) {
                    throw new IllegalStateException("the first block is '" + block.getType() + "', not OSMHeader");
                }
            }
            super.handleBlock(block);
        }

        @Override
        protected void parse(Osmformat.HeaderBlock header) {
            sawHeader = true;
            for (String feature : header.getRequiredFeaturesList()) {
                if (!feature.equals("OsmSchema-V0.6") && !feature.equals("DenseNodes")) {
                    throw new IllegalStateException("unsupported required feature '" + feature + "'");
                }
            }
        }

        @Override
        protected void parseDense(Osmformat.DenseNodes nodes) {
            long id = 0;
            long lat = 0;
            long lon = 0;
            int kv = 0;
            boolean hasTags = nodes.getKeysValsCount() > 0;
            for (int i = 0; i < nodes.getIdCount(); i++) {
                id += nodes.getId(i);
                lat += nodes.getLat(i);
                lon += nodes.getLon(i);
                Map<String, String> tags = Map.of();
                if (hasTags) {
                    Map<String, String> t = null;
                    while (kv < nodes.getKeysValsCount() && nodes.getKeysVals(kv) != 0) {
                        if (t == null) {
                            t = new HashMap<>();
                        }
                        t.put(getStringById(nodes.getKeysVals(kv)), getStringById(nodes.getKeysVals(kv + 1)));
                        kv += 2;
                    }
                    kv++; // the 0 that ends this node's tags
                    if (t != null) {
                        tags = t;
                    }
                }
                if (nodes.hasDenseinfo() && nodes.getDenseinfo().getVisibleCount() > i && !nodes.getDenseinfo().getVisible(i)) {
                    continue;
                }
                visitor.node(id, parseLon(lon), parseLat(lat), tags);
            }
        }

        @Override
        protected void parseNodes(List<Osmformat.Node> nodes) {
            for (Osmformat.Node n : nodes) {
                if (n.hasInfo() && n.getInfo().hasVisible() && !n.getInfo().getVisible()) {
                    continue;
                }
                visitor.node(n.getId(), parseLon(n.getLon()), parseLat(n.getLat()), tags(n.getKeysList(), n.getValsList()));
            }
        }

        @Override
        protected void parseWays(List<Osmformat.Way> ways) {
            for (Osmformat.Way w : ways) {
                if (w.hasInfo() && w.getInfo().hasVisible() && !w.getInfo().getVisible()) {
                    continue;
                }
                long[] refs = new long[w.getRefsCount()];
                long ref = 0;
                for (int i = 0; i < refs.length; i++) {
                    ref += w.getRefs(i);
                    refs[i] = ref;
                }
                visitor.way(w.getId(), refs, tags(w.getKeysList(), w.getValsList()));
            }
        }

        @Override
        protected void parseRelations(List<Osmformat.Relation> relations) {
            for (Osmformat.Relation r : relations) {
                if (r.hasInfo() && r.getInfo().hasVisible() && !r.getInfo().getVisible()) {
                    continue;
                }
                List<OsmElementVisitor.Member> members = new ArrayList<>(r.getMemidsCount());
                long ref = 0;
                for (int i = 0; i < r.getMemidsCount(); i++) {
                    ref += r.getMemids(i);
                    String type = switch (r.getTypes(i)) {
                        case NODE -> "node";
                        case WAY -> "way";
                        case RELATION -> "relation";
                    };
                    members.add(new OsmElementVisitor.Member(type, ref, getStringById(r.getRolesSid(i))));
                }
                visitor.relation(r.getId(), members, tags(r.getKeysList(), r.getValsList()));
            }
        }

        private Map<String, String> tags(List<Integer> keys, List<Integer> values) {
            if (keys.isEmpty()) {
                return Map.of();
            }
            Map<String, String> tags = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                tags.put(getStringById(keys.get(i)), getStringById(values.get(i)));
            }
            return tags;
        }

        @Override
        public void complete() {
            // nothing to flush
        }
    }
}
