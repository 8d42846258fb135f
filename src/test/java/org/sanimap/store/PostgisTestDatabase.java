package org.sanimap.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostGIS database the tests use: {@code sanimap_test} on the local PostgreSQL (override with
 * SANIMAP_TEST_PG_HOST / _PORT / _USER / _PASSWORD). Dropped and created afresh once per test JVM,
 * with the postgis extension, so every run starts from an empty schema.
 */
public final class PostgisTestDatabase {

    private static final String HOST = env("SANIMAP_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("SANIMAP_TEST_PG_PORT", "5432");
    private static final String USER = env("SANIMAP_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("SANIMAP_TEST_PG_PASSWORD", "");
    private static final String DATABASE = "sanimap_test";

    private static boolean prepared;

    private PostgisTestDatabase() {
    }

    /** True when the tests must run against PostGIS and fail, not skip, when it is unreachable. */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Creates the test database with the postgis extension once per JVM; returns its JDBC URL. */
    public static synchronized String jdbcUrl() throws SQLException {
        if (!prepared) {
            try (Connection admin = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
                    Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
                st.execute("CREATE DATABASE " + DATABASE);
            }
            try (Connection db = DriverManager.getConnection(url(DATABASE), USER, PASSWORD);
                    Statement st = db.createStatement()) {
                st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            }
            prepared = true;
        }
        return url(DATABASE);
    }

    /** Whether PostgreSQL answers and can provide PostGIS (used to skip outside CI). */
    public static boolean reachable() {
        try {
            jdbcUrl();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
