package org.sanimap.facility;

/** An update or delete named a version that is no longer the stored one. */
public class StaleVersionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaleVersionException(long id, long givenVersion, long storedVersion) {
        super("facility " + id + " was changed by someone else: you sent version " + givenVersion
                + " but the stored version is " + storedVersion + "; reload it and apply your change again");
    }
}
