package org.sanimap.standards;

/** An update named a version of a rule that is no longer the stored one. */
public class StaleRuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaleRuleException(long id, long given, long stored) {
        super("standard rule " + id + " was changed by someone else: you sent version " + given
                + " but the stored version is " + stored);
    }
}
