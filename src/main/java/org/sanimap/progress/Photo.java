package org.sanimap.progress;

import java.time.Instant;

/**
 * A photo attached to a transition.
 *
 * @param id           store identifier
 * @param transitionId the transition
 * @param facilityId   its facility
 * @param fileName     the uploaded file's name, cleaned (for display and downloads only)
 * @param mediaType    image/jpeg, image/png or image/webp, from the file's content
 * @param sizeBytes    size in bytes
 * @param sha256       SHA-256 of the content, hex
 * @param storageKey   the stored file's name (random, never from the upload)
 * @param userName     who attached it
 * @param createdAt    when
 */
public record Photo(long id, long transitionId, long facilityId, String fileName, String mediaType, long sizeBytes,
        String sha256, String storageKey, String userName, Instant createdAt) {
}
