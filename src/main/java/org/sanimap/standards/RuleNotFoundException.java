package org.sanimap.standards;

/** No standard rule has this id. */
public class RuleNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RuleNotFoundException(long id) {
        super("standard rule " + id + " not found");
    }
}
