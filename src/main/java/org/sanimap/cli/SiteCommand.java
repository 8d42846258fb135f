package org.sanimap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sanimap.engine.siting.OrLibraryScpReader;
import org.sanimap.engine.siting.SetCoverInstance;
import org.sanimap.engine.siting.SetCoverSolution;
import org.sanimap.engine.siting.SetCoverSolver;

/**
 * {@code site}: siting from files, with no server and no database. So far only
 * {@code --orlib-scp FILE}: solves an OR-Library set covering instance exactly.
 *
 * <pre>
 * java -jar target/sanimap.jar site --orlib-scp scp41.txt [--time-limit-seconds S] --out result.json
 * </pre>
 * The result has {@code objective}, {@code bound}, {@code status}, {@code chosen} (1-based column
 * numbers, as in the file) and {@code timingsMillis} ({@code build}, {@code solve}). The LSCP and MCLP
 * models on demand and candidate files come with the siting issue.
 */
public final class SiteCommand {

    static final String USAGE = "usage: java -jar sanimap.jar site --orlib-scp FILE [--time-limit-seconds S] --out result.json";

    private SiteCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            CommandLineArguments a = new CommandLineArguments(args, Set.of("orlib-scp", "time-limit-seconds", "out"), Set.of());
            String file = a.optional("orlib-scp");
            if (file == null) {
                throw new IllegalArgumentException("only --orlib-scp is available so far; LSCP and MCLP on demand files come next");
            }
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("file not found: " + file);
            }
            double limit = a.optional("time-limit-seconds") == null ? 60 : a.number("time-limit-seconds");
            String outPath = a.required("out");
            SetCoverInstance instance;
            long t0 = System.nanoTime();
            try (Reader in = Files.newBufferedReader(path)) {
                instance = OrLibraryScpReader.read(in);
            }
            long readMillis = (System.nanoTime() - t0) / 1_000_000;
            SetCoverSolution s = new SetCoverSolver(limit, Runtime.getRuntime().availableProcessors()).solveInstance(instance);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("instance", path.getFileName().toString());
            result.put("rows", instance.rowCount());
            result.put("columns", instance.columnCount());
            result.put("status", s.status().name().toLowerCase(java.util.Locale.ROOT));
            result.put("objective", Double.isNaN(s.objective()) ? null : s.objective());
            result.put("bound", s.bound());
            result.put("chosen", Arrays.stream(s.chosen()).map(j -> j + 1).boxed().toList());
            Map<String, Long> timings = new LinkedHashMap<>();
            timings.put("read", readMillis);
            timings.put("build", s.buildMillis());
            timings.put("solve", s.solveMillis());
            result.put("timingsMillis", timings);
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            if (outPath.equals("-")) {
                out.println(json.writeValueAsString(result));
            } else {
                json.writeValue(Path.of(outPath).toFile(), result);
                out.printf("%s: %s, objective %s, bound %s, %d columns chosen, solved in %d ms; result in %s%n",
                        result.get("instance"), result.get("status"), result.get("objective"), s.bound(), s.chosen().length,
                        s.solveMillis(), outPath);
            }
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }
}
