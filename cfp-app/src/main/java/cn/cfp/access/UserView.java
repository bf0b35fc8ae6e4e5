package cn.cfp.access;

import java.util.Locale;
import java.util.Set;

/**
 * A user as shown on the admin page.
 *
 * @param email    where notifications are e-mailed (null: in the application only)
 * @param language the language the person is written to in e-mails ({@code zh} or {@code en})
 */
public record UserView(long id, String username, String displayName, Set<Role> roles,
                       Long organisationId, boolean enabled, boolean mustChangePassword,
                       String email, String language) {

    /** The person's language as a locale (Chinese unless they chose English). */
    public Locale locale() {
        return "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
}
