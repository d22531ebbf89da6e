package io.dastyar.account;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** On the very first start, when nobody can sign in yet, creates the admin named in the environment. */
@Component
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final Accounts accounts;
    private final AccountProperties properties;

    InitialAdmin(Accounts accounts, AccountProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.none()) {
            return;
        }
        String username = properties.initialAdminUsername();
        String configured = properties.initialAdminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? randomPassword() : configured;
        try {
            accounts.create(new NewUser(username, "Administrator", password, Role.ADMIN));
        } catch (Accounts.UsernameTakenException e) {
            // Another instance sharing the database created it first.
            log.info("Admin '{}' was created by another instance", username);
            return;
        }
        if (generated) {
            // Shown once so a first run on the embedded defaults can sign in; production sets DASTYAR_ADMIN_PASSWORD.
            log.warn("Created admin '{}' with the generated password {} (set DASTYAR_ADMIN_PASSWORD to choose one)",
                    username, password);
        } else {
            log.info("Created admin '{}' from the environment", username);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
