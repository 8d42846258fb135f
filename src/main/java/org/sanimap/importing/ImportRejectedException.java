package org.sanimap.importing;

import java.util.List;

/**
 * The file as a whole cannot be imported: nothing from it is written. The message is the first
 * problem (exact, with its row or feature); {@link #errors()} lists up to 100 problems.
 */
public class ImportRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<String> errors;

    public ImportRejectedException(String message) {
        this(List.of(message));
    }

    public ImportRejectedException(List<String> errors) {
        super(errors.isEmpty() ? "import rejected" : errors.size() == 1 ? errors.get(0)
                : errors.get(0) + " (and " + (errors.size() - 1) + " more problems)");
        this.errors = List.copyOf(errors.subList(0, Math.min(100, errors.size())));
    }

    public List<String> errors() {
        return errors;
    }
}
