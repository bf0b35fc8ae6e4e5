package cn.cfp.access.internal;

import cn.cfp.access.UserDirectory;
import cn.cfp.shared.storage.DataDirectory;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Outside demo mode, the first start of an empty platform creates the administrator {@code admin} with a one-time
 * password written to {@code <data-dir>/initial-admin-password} (0600, never to the log), which must be changed at the
 * first login — so that a production start is never a dead end and never has a published password (issue 8 item 8).
 */
@Component
@ConditionalOnProperty(name = "cfp.demo.enabled", havingValue = "false", matchIfMissing = true)
class FirstAdministrator implements SmartInitializingSingleton {

    static final String FILE = "initial-admin-password";
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserDirectory users;
    private final ApplicationArguments arguments;
    private final Path dataDir;

    FirstAdministrator(UserDirectory users, ApplicationArguments arguments, @Value("${cfp.data-dir}") Path dataDir) {
        this.users = users;
        this.arguments = arguments;
        this.dataDir = dataDir;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!arguments.getNonOptionArgs().isEmpty()) {
            return; // a command (`audit verify`), not the platform
        }
        users.createFirstAdministrator().ifPresent(password -> {
            Path file = dataDir.toAbsolutePath().resolve(FILE);
            DataDirectory.writeSecret(file, password + "\n");
            log.warn("No user existed: created the administrator 'admin'. Its one-time password is in {} (readable by this "
                    + "user only); it must be changed at the first login. Delete the file afterwards.", file);
        });
    }
}
