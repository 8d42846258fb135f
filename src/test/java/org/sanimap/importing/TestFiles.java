package org.sanimap.importing;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared real data and small files written by tests. */
final class TestFiles {

    static final Path SHARED = Path.of(System.getenv().getOrDefault("SANIMAP_TEST_SHARED_DIR", "../shared"));
    static final Path POA_PBF = SHARED.resolve("data/porto-alegre/poa_osm.pbf");
    static final Path POA_HEXGRID = SHARED.resolve("data/porto-alegre/poa_hexgrid.csv");
    static final Path HELSINKI_PBF = SHARED.resolve("data/helsinki/helsinki.osm.pbf");
    static final Path HELSINKI_GRID = SHARED.resolve("data/helsinki/helsinki_population_grid_2020.gpkg");

    private TestFiles() {
    }

    static Path write(Path dir, String name, String content, Charset charset) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(charset));
        return file;
    }
}
