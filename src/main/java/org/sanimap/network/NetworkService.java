package org.sanimap.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.sanimap.config.SanimapProperties;
import org.sanimap.engine.network.WalkingCoverageAnalyzer;
import org.sanimap.engine.network.WalkingGraph;
import org.sanimap.importing.ImportRejectedException;
import org.sanimap.importing.OsmExtractImported;
import org.sanimap.importing.OsmWalkingNetworkReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Holds the pedestrian graph. Its source is {@code sanimap.network.osm-file} when set, else the OSM
 * extract most recently kept by {@link #keepExtract} (every OSM facility import, announced by
 * {@link OsmExtractImported}, keeps its file in {@code <data-dir>/network/}). The graph is built on first use and rebuilt when the source changes.
 */
@Service
public class NetworkService {

    private static final Logger log = LoggerFactory.getLogger(NetworkService.class);

    private final Path configuredFile;
    private final Path networkDir;
    private Path builtFrom;
    private long builtFromModified;
    private WalkingGraph graph;
    private WalkingCoverageAnalyzer analyzer;

    NetworkService(SanimapProperties properties) {
        this.configuredFile = properties.network().osmFile();
        this.networkDir = properties.dataDir().resolve("network");
    }

    /** Every OSM facility import also becomes the walking network's source. */
    @EventListener
    void onOsmImport(OsmExtractImported event) {
        try (InputStream in = Files.newInputStream(event.file())) {
            keepExtract(in, event.pbf());
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the OSM extract for the walking network", e);
        }
    }

    /** Keeps an OSM extract as the walking network's source. */
    public synchronized void keepExtract(InputStream extract, boolean pbf) {
        try {
            Files.createDirectories(networkDir);
            Path target = networkDir.resolve(pbf ? "network.osm.pbf" : "network.osm");
            Files.deleteIfExists(networkDir.resolve(pbf ? "network.osm" : "network.osm.pbf"));
            Files.copy(extract, target, StandardCopyOption.REPLACE_EXISTING);
            graph = null;
            analyzer = null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the OSM extract for the walking network", e);
        }
    }

    /** The walking graph, or empty when no OSM extract is known. */
    public synchronized Optional<WalkingGraph> graph() {
        Optional<Path> source = source();
        if (source.isEmpty()) {
            return Optional.empty();
        }
        Path file = source.get();
        long modified = lastModified(file);
        if (graph == null || !file.equals(builtFrom) || modified != builtFromModified) {
            long t0 = System.nanoTime();
            OsmWalkingNetworkReader reader = new OsmWalkingNetworkReader();
            graph = file.getFileName().toString().endsWith(".pbf") ? reader.readPbf(file) : reader.readXml(file);
            analyzer = new WalkingCoverageAnalyzer(graph);
            builtFrom = file;
            builtFromModified = modified;
            log.info("Walking network built from {}: {} nodes, {} edges, {} km, in {} ms", file, graph.nodeCount(),
                    graph.edgeCount(), Math.round(graph.totalKm()), (System.nanoTime() - t0) / 1_000_000);
        }
        return Optional.of(graph);
    }

    /**
     * Walking coverage on the current graph (its snapping index is built once per graph).
     *
     * @throws IllegalArgumentException when there is no network, saying what to do
     */
    public synchronized WalkingCoverageAnalyzer walkingCoverage() {
        try {
            graph().orElseThrow(() -> new IllegalArgumentException(
                    "no walking network: import an OSM extract (osm-pbf or osm-xml) or set sanimap.network.osm-file"));
        } catch (ImportRejectedException e) {
            throw new IllegalArgumentException("the walking network file cannot be read: " + e.getMessage());
        }
        return analyzer;
    }

    private Optional<Path> source() {
        if (configuredFile != null) {
            if (!Files.isRegularFile(configuredFile)) {
                throw new IllegalArgumentException("sanimap.network.osm-file " + configuredFile + " does not exist");
            }
            return Optional.of(configuredFile);
        }
        if (!Files.isDirectory(networkDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(networkDir)) {
            return files.filter(Files::isRegularFile).max(Comparator.comparingLong(NetworkService::lastModified));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
