package org.sanimap.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts: create and list them, and look them up for sign-in. */
@Service
public class UserService implements UserDetailsService {

    /** Shortest password accepted, in characters. */
    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final Pattern USER_NAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,100}");

    private final UserRepository repository;
    private final PasswordEncoder passwords;

    UserService(UserRepository repository, PasswordEncoder passwords) {
        this.repository = repository;
        this.passwords = passwords;
    }

    /**
     * Creates a user.
     *
     * @throws IllegalArgumentException when the name is taken or malformed, or the password too short
     */
    @Transactional
    public UserAccount create(String userName, String password, Role role) {
        if (userName == null || !USER_NAME.matcher(userName).matches()) {
            throw new IllegalArgumentException("user name '" + userName + "' must be 1 to 100 letters, digits or . _ @ -");
        }
        checkPassword(password);
        if (role == null) {
            throw new IllegalArgumentException("role is required; expected one of " + Role.codes());
        }
        if (repository.findByName(userName).isPresent()) {
            throw new IllegalArgumentException("user '" + userName + "' exists already");
        }
        repository.insert(userName, passwords.encode(password), role, Instant.now().truncatedTo(ChronoUnit.MICROS));
        return repository.findByName(userName).orElseThrow().account();
    }

    /**
     * Changes a user's role, password or whether it may sign in; a null argument leaves that part as it
     * is. At least one enabled admin always remains.
     *
     * @throws UserNotFoundException    when no user has the name
     * @throws IllegalArgumentException when the password is too short, or the change would leave no
     *                                  enabled admin
     */
    @Transactional
    public UserAccount update(String userName, String password, Role role, Boolean enabled) {
        UserAccount current = repository.findByName(userName).orElseThrow(() -> new UserNotFoundException(userName)).account();
        if (password != null) {
            checkPassword(password);
        }
        Role newRole = role == null ? current.role() : role;
        boolean newEnabled = enabled == null ? current.enabled() : enabled;
        boolean staysAdmin = newRole == Role.ADMIN && newEnabled;
        if (current.role() == Role.ADMIN && current.enabled() && !staysAdmin) {
            // the enabled admins are locked until the end of the transaction, so that two such changes
            // made at once cannot both pass this check
            List<String> admins = repository.lockEnabledAdmins();
            if (admins.size() <= 1) {
                throw new IllegalArgumentException("user '" + userName + "' is the last enabled admin: make another user admin"
                        + " before changing its role or disabling it");
            }
        }
        repository.update(current.id(), password == null ? null : passwords.encode(password), newRole, newEnabled);
        return repository.findByName(userName).orElseThrow().account();
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    @Transactional(readOnly = true)
    public List<UserAccount> list() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(String userName) {
        return repository.findByName(userName).map(UserRepository.StoredUser::account);
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String userName) {
        UserRepository.StoredUser stored = repository.findByName(userName)
                .orElseThrow(() -> new UsernameNotFoundException("no user " + userName));
        return User.withUsername(stored.account().userName()).password(stored.passwordHash())
                .roles(stored.account().role().name()).disabled(!stored.account().enabled()).build();
    }
}
