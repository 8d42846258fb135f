package org.sanimap.user;

/** No user has this name. */
public class UserNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserNotFoundException(String userName) {
        super("user '" + userName + "' not found");
    }
}
