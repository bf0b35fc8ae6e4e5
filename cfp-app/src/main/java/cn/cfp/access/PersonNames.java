package cn.cfp.access;

import org.springframework.stereotype.Component;

/**
 * What a page shows for the person behind a username it holds (issue 8 item 17): the display name, never the login
 * name — clients must not learn staff usernames, and a name reads better for staff too. Templates call it as
 * {@code ${@people.name(username)}}; a username nobody has (the system account) prints as a dash.
 */
@Component("people")
public class PersonNames {

    private final UserDirectory directory;

    PersonNames(UserDirectory directory) {
        this.directory = directory;
    }

    /** The display name of {@code username}, or an empty string for none. */
    public String name(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        return directory.findByUsername(username).map(UserView::displayName).orElse("—");
    }
}
