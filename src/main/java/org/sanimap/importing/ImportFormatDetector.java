package org.sanimap.importing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises a file's format from its first bytes (magic numbers and structure), falling back to the
 * file name only to tell GeoJSON from other JSON. Binary garbage is recognised as nothing.
 */
public final class ImportFormatDetector {

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private ImportFormatDetector() {
    }

    /**
     * @param head     the first bytes of the file (64 KiB is plenty)
     * @param fileName the file's name, may be null
     */
    public static Optional<ImportFormat> detect(byte[] head, String fileName) {
        if (head.length == 0) {
            return Optional.empty();
        }
        if (startsWith(head, SQLITE_MAGIC)) {
            return Optional.of(ImportFormat.GPKG);
        }
        if (head.length > 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            return name.endsWith(".osm.gz") || name.endsWith(".osm.gzip") ? Optional.of(ImportFormat.OSM_XML) : Optional.empty();
        }
        if (isPbf(head)) {
            return Optional.of(ImportFormat.OSM_PBF);
        }
        if (!looksLikeText(head)) {
            return Optional.empty();
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("<")) {
            return trimmed.contains("<osm") ? Optional.of(ImportFormat.OSM_XML) : Optional.empty();
        }
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return trimmed.contains("\"type\"") || trimmed.contains("\"features\"") ? Optional.of(ImportFormat.GEOJSON)
                    : Optional.empty();
        }
        String firstLine = trimmed.lines().findFirst().orElse("");
        if (firstLine.contains(",") || firstLine.contains(";") || firstLine.contains("\t")) {
            return Optional.of(ImportFormat.CSV);
        }
        return Optional.empty();
    }

    /** An OSM PBF starts with a 4-byte big-endian header length and a BlobHeader of type OSMHeader. */
    private static boolean isPbf(byte[] head) {
        if (head.length < 16) {
            return false;
        }
        int length = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        if (length <= 0 || length > 64 * 1024 || 4 + length > head.length) {
            return false;
        }
        // BlobHeader field 1 (type, string): tag 0x0a, length 9, "OSMHeader"
        byte[] expected = {0x0a, 0x09, 'O', 'S', 'M', 'H', 'e', 'a', 'd', 'e', 'r'};
        for (int i = 0; i < expected.length; i++) {
            if (head[4 + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** No NUL byte and fewer than 1 % other control characters. */
    private static boolean looksLikeText(byte[] head) {
        int control = 0;
        for (byte b : head) {
            int v = b & 0xff;
            if (v == 0) {
                return false;
            }
            if (v < 0x09 || (v > 0x0d && v < 0x20) || v == 0x7f) {
                control++;
            }
        }
        return control * 100 < head.length;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
