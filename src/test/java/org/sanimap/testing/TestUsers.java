package org.sanimap.testing;

/** The first admin every test context gets (see H2gisTestStore, PostgisTestStore). */
public final class TestUsers {

    /** User name of the first admin. */
    public static final String ADMIN = "admin";
    /** Its password in tests (production takes it from SANIMAP_ADMIN_PASSWORD or generates one). */
    public static final String ADMIN_PASSWORD = "admin-test-password";

    private TestUsers() {
    }
}
