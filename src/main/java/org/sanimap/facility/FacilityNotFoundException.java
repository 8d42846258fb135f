package org.sanimap.facility;

/** No facility has this id. */
public class FacilityNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FacilityNotFoundException(long id) {
        super("facility " + id + " not found");
    }
}
