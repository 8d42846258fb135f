package org.sanimap.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/** User accounts on a store, through the service: create, change, sign-in details; one subclass per store. */
abstract class UserStoreContract {

    @Autowired
    UserService users;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void changesOfRolePasswordAndSignInAreStoredAndAnAdminStepsDownWhileAnotherRemains() {
        String name = "contract-" + System.nanoTime();
        users.create(name, "first-pass-1", Role.VIEWER);

        UserAccount admin = users.update(name, "second-pass-2", Role.ADMIN, null);
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.enabled()).isTrue();
        UserDetails details = users.loadUserByUsername(name);
        assertThat(passwords.matches("second-pass-2", details.getPassword())).isTrue();
        assertThat(passwords.matches("first-pass-1", details.getPassword())).isFalse();
        assertThat(details.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");

        // the first admin is still there, so this one may be disabled (the enabled admins are locked meanwhile)
        UserAccount disabled = users.update(name, null, null, false);
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.role()).isEqualTo(Role.ADMIN);
        assertThat(users.loadUserByUsername(name).isEnabled()).isFalse();
        assertThat(passwords.matches("second-pass-2", users.loadUserByUsername(name).getPassword()))
                .as("a change without a password keeps it").isTrue();

        UserAccount manager = users.update(name, null, Role.MANAGER, true);
        assertThat(users.find(name)).contains(manager);
        assertThat(manager.role()).isEqualTo(Role.MANAGER);
        assertThat(manager.enabled()).isTrue();
        assertThatThrownBy(() -> users.update("no-such-" + name, null, Role.VIEWER, null))
                .isInstanceOf(UserNotFoundException.class).hasMessage("user 'no-such-" + name + "' not found");
    }
}
