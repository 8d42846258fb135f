package org.sanimap.progress;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Parses dates from requests and files with exact messages. */
public final class Dates {

    private Dates() {
    }

    /** An ISO date (YYYY-MM-DD), also 2026/6/30 and 2026.6.30; null or blank gives null. */
    public static LocalDate parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            String[] parts = v.split("[/.\\-年月日]");
            if (parts.length == 3) {
                try {
                    return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
                } catch (RuntimeException ignored) {
                    // fall through to the message below
                }
            }
            throw new IllegalArgumentException(field + " '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
