package io.dastyar.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A person who signs in. Only the BCrypt hash of the password is kept. */
@Table("user_account")
record UserAccount(@Id Long id, String username, String displayName, String passwordHash, Role role, boolean enabled,
                   Instant createdAt) {

    UserAccount withDisplayName(String name) {
        return new UserAccount(id, username, name, passwordHash, role, enabled, createdAt);
    }
}
