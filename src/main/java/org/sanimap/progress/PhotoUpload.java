package org.sanimap.progress;

/**
 * A photo as uploaded.
 *
 * @param fileName the client's file name, may be null
 * @param content  the bytes
 */
public record PhotoUpload(String fileName, byte[] content) {
}
