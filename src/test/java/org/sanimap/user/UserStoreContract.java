package org.sanimap.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/** User accounts on a store, through the service: create, change, sign-in details; one subclass per store. */
abstract class UserStoreContract {

    @Autowired
    UserService users;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    PlatformTransactionManager transactions;

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

    @Test
    void ofTwoAdminsDemotingEachOtherAtOnceOneStays() throws Exception {
        String a = "lock-a-" + System.nanoTime();
        String b = "lock-b-" + System.nanoTime();
        users.create(a, "pass-of-a-1", Role.ADMIN);
        users.create(b, "pass-of-b-1", Role.ADMIN);
        // a and b become the only enabled admins for the test; the others are enabled again at the end
        List<String> others = users.list().stream()
                .filter(u -> u.role() == Role.ADMIN && u.enabled() && !u.userName().equals(a) && !u.userName().equals(b))
                .map(UserAccount::userName).toList();
        others.forEach(o -> users.update(o, null, null, false));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch demotedB = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // the first change demotes b and keeps its transaction (and the admins' row locks) open
            Future<UserAccount> first = threads.submit(() -> new TransactionTemplate(transactions).execute(status -> {
                UserAccount done = users.update(b, null, Role.VIEWER, null);
                demotedB.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return done;
            }));
            assertThat(demotedB.await(30, TimeUnit.SECONDS)).isTrue();
            // the second, started meanwhile, would demote a: it must wait for the lock, then see a as the last admin
            Future<Object> second = threads.submit(() -> {
                try {
                    return users.update(a, null, Role.VIEWER, null);
                } catch (IllegalArgumentException e) {
                    return e;
                }
            });
            Thread.sleep(400);
            assertThat(second.isDone()).as("the second change waits while the first holds the admins' rows").isFalse();
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).role()).isEqualTo(Role.VIEWER);
            assertThat(second.get(30, TimeUnit.SECONDS)).isInstanceOf(IllegalArgumentException.class)
                    .extracting(Object::toString).asString().contains("is the last enabled admin");
            assertThat(users.find(a)).get().extracting(UserAccount::role, UserAccount::enabled).containsExactly(Role.ADMIN, true);
            assertThat(users.find(b)).get().extracting(UserAccount::role).isEqualTo(Role.VIEWER);
        } finally {
            threads.shutdownNow();
            others.forEach(o -> users.update(o, null, null, true));
        }
    }
}
