package io.dastyar.agent;

import org.springframework.security.core.Authentication;

import io.dastyar.account.Role;

/** What a signed-in user's roles let them do in the workspace beyond working their own chats. */
public final class StaffRoles {

    private StaffRoles() {
    }

    /** Supervisors and admins see every chat and reassign chats. */
    public static boolean supervises(Authentication user) {
        return user.getAuthorities().stream().map(authority -> authority.getAuthority())
                .anyMatch(role -> role.equals("ROLE_" + Role.SUPERVISOR) || role.equals("ROLE_" + Role.ADMIN));
    }
}
