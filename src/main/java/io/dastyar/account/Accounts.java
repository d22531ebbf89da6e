package io.dastyar.account;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Users who sign in, and the {@link UserDetailsService} Spring Security reads them through. */
@Service
public class Accounts implements UserDetailsService {

    /** A user as other features may see them: never the password hash. */
    public record Account(UserId id, String username, String displayName, Role role, boolean enabled) {
    }

    public static final class UsernameTakenException extends RuntimeException {
        UsernameTakenException(String username) {
            super("The username '" + username + "' is taken");
        }
    }

    private final UserAccountRepository users;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Accounts(UserAccountRepository users, PasswordEncoder passwords, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Usernames are kept in lower case, so the unique constraint also holds across letter case, and two
     * admins adding the same name at once get "taken" rather than an error.
     */
    public Account create(NewUser user) {
        String username = user.username().toLowerCase(Locale.ROOT);
        if (users.existsByUsernameIgnoreCase(username)) {
            throw new UsernameTakenException(username);
        }
        try {
            var saved = users.save(new UserAccount(null, username, user.displayName().strip(),
                    passwords.encode(user.password()), user.role(), true, clock.instant()));
            return view(saved);
        } catch (DuplicateKeyException e) {
            throw new UsernameTakenException(username);
        }
    }

    public List<Account> all() {
        return users.findAll().stream().map(Accounts::view).toList();
    }

    public Optional<Account> byUsername(String username) {
        return users.findByUsernameIgnoreCase(username).map(Accounts::view);
    }

    /**
     * The name to greet a signed-in user by: their display name, or the username when there is no such user
     * (or the database cannot say), so a page never fails for want of it.
     */
    public String displayNameOf(String username) {
        if (username == null) {
            return "";
        }
        try {
            return users.findByUsernameIgnoreCase(username).map(UserAccount::displayName)
                    .filter(name -> !name.isBlank()).orElse(username);
        } catch (DataAccessException e) {
            return username;
        }
    }

    /** Changes how a user is shown to others; empty if there is no such user. */
    public Optional<Account> rename(UserId id, String displayName) {
        return users.findById(id.value())
                .map(account -> users.save(account.withDisplayName(displayName.strip())))
                .map(Accounts::view);
    }

    boolean none() {
        return users.count() == 0;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = users.findByUsernameIgnoreCase(username)
                .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .roles(account.role().name())
                .disabled(!account.enabled())
                .build();
    }

    private static Account view(UserAccount account) {
        return new Account(new UserId(account.id()), account.username(), account.displayName(), account.role(),
                account.enabled());
    }
}
