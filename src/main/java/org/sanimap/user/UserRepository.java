package org.sanimap.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** User rows (portable SQL). */
@Repository
class UserRepository {

    /** A stored user with its password hash, for sign-in only. */
    record StoredUser(UserAccount account, String passwordHash) {
    }

    private final JdbcTemplate jdbc;

    UserRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredUser> findByName(String userName) {
        return jdbc.query("SELECT * FROM app_user WHERE user_name = ?", (rs, n) -> map(rs), userName).stream().findFirst();
    }

    List<UserAccount> all() {
        return jdbc.query("SELECT * FROM app_user ORDER BY user_name", (rs, n) -> map(rs).account());
    }

    void insert(String userName, String passwordHash, Role role, Instant now) {
        jdbc.update("INSERT INTO app_user (user_name, password_hash, role, enabled, created_at) VALUES (?, ?, ?, ?, ?)",
                userName, passwordHash, role.code(), true, Timestamp.from(now));
    }

    /** Sets the role and enabled flag, and the password hash unless it is null. */
    void update(long id, String passwordHash, Role role, boolean enabled) {
        if (passwordHash == null) {
            jdbc.update("UPDATE app_user SET role = ?, enabled = ? WHERE id = ?", role.code(), enabled, id);
        } else {
            jdbc.update("UPDATE app_user SET role = ?, enabled = ?, password_hash = ? WHERE id = ?", role.code(), enabled,
                    passwordHash, id);
        }
    }

    /** Names of the enabled admins, their rows locked until the transaction ends. */
    List<String> lockEnabledAdmins() {
        return jdbc.queryForList("SELECT user_name FROM app_user WHERE role = ? AND enabled = ? FOR UPDATE", String.class,
                Role.ADMIN.code(), true);
    }

    private static StoredUser map(ResultSet rs) throws SQLException {
        return new StoredUser(new UserAccount(rs.getLong("id"), rs.getString("user_name"), Role.fromCode(rs.getString("role")),
                rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant()), rs.getString("password_hash"));
    }
}
