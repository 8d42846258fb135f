package org.sanimap.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} options, checked against the names a command accepts. */
final class CommandLineArguments {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    CommandLineArguments(List<String> args, Set<String> valueOptions, Set<String> flagOptions) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            if (flagOptions.contains(name)) {
                flags.add(name);
            } else if (valueOptions.contains(name)) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
                values.put(name, args.get(++i));
            } else {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
    }

    /** Whether the arguments ask for the usage ({@code --help} or {@code -h}) rather than a run. */
    static boolean asksForHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    /**
     * The path of a file that exists.
     *
     * @throws IllegalArgumentException "file not found: NAME" otherwise
     */
    static java.nio.file.Path existingFile(String name) {
        java.nio.file.Path path = java.nio.file.Path.of(name);
        if (!java.nio.file.Files.isRegularFile(path)) {
            throw new IllegalArgumentException("file not found: " + name);
        }
        return path;
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("option --" + name + " is required");
        }
        return v;
    }

    String optional(String name) {
        return values.get(name);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /**
     * An option of {@code NAME=VALUE} pairs separated by commas ({@code residential=500,commercial=300}), in
     * the order given; null when the option is absent.
     *
     * @param example an example pair for the message
     * @throws IllegalArgumentException on a pair without a name or '=', or a name given twice
     */
    java.util.Map<String, String> pairs(String name, String example) {
        String text = values.get(name);
        if (text == null) {
            return null;
        }
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String part : text.split(",")) {
            int eq = part.lastIndexOf('=');
            String key = eq < 0 ? "" : part.substring(0, eq).trim();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("--" + name + " '" + part.trim() + "' is not NAME=VALUE, e.g. " + example);
            }
            if (out.put(key, part.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("--" + name + " names '" + key + "' twice");
            }
        }
        return out;
    }

    double number(String name) {
        String v = required(name);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --" + name + " '" + v + "' is not a number");
        }
    }
}
