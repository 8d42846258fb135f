package org.sanimap.facility;

/** An update or delete came without the version it applies to (answered 428 Precondition Required). */
public class VersionRequiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VersionRequiredException() {
        super("the facility's current version is required: send properties.version (or ?version= on delete) or an If-Match header");
    }
}
