package org.sanimap.facility;

/**
 * What giving the facilities without a district the one they lie in did.
 *
 * @param filled  facilities that got a district
 * @param outside facilities without a district that lie in no area (they keep none)
 */
public record DistrictFill(int filled, int outside) {
}
