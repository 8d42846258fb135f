package org.sanimap.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.sanimap.config.SanimapProperties;
import org.springframework.stereotype.Component;

/**
 * Photo files in {@code <data-dir>/photos}. Names are random UUIDs chosen here, never taken from the
 * upload, and only JPEG, PNG and WebP content (recognised by its first bytes) is kept.
 */
@Component
class PhotoFiles {

    private final Path directory;

    PhotoFiles(SanimapProperties properties) {
        this.directory = properties.dataDir().resolve("photos").toAbsolutePath().normalize();
    }

    /** The media type of an image by its first bytes, or null when it is none of JPEG, PNG, WebP. */
    static String mediaType(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    /** Writes a new file and returns its key. */
    String write(byte[] content, String mediaType) {
        String key = UUID.randomUUID() + switch (mediaType) {
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            default -> ".jpg";
        };
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve(key), content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store a photo in " + directory, e);
        }
        return key;
    }

    byte[] read(String key) {
        try {
            return Files.readAllBytes(resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("photo file " + key + " is missing", e);
        }
    }

    void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            // a leftover file is harmless: it is never referenced
        }
    }

    private Path resolve(String key) {
        Path p = directory.resolve(key).normalize();
        if (!p.getParent().equals(directory)) {
            throw new IllegalArgumentException("bad photo key");
        }
        return p;
    }
}
