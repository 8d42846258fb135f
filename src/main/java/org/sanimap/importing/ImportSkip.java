package org.sanimap.importing;

/**
 * A record of the input that was not imported, with why.
 *
 * @param location where in the file, e.g. {@code row 17}, {@code feature 3}, {@code way 4242}
 * @param reason   why it was skipped, e.g. {@code no coordinates for any node of the way}
 */
public record ImportSkip(String location, String reason) {
}
