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

    /**
     * The display name of {@code username}, or an empty string for none. Within one web request each name is looked up
     * once (a page listing a hundred rows by three people runs three queries, not a hundred — stop 14's N+1 note).
     */
    public String name(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        org.springframework.web.context.request.RequestAttributes request =
                org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return lookUp(username);
        }
        @SuppressWarnings("unchecked")
        java.util.Map<String, String> seen = (java.util.Map<String, String>) request.getAttribute(CACHE,
                org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        if (seen == null) {
            seen = new java.util.HashMap<>();
            request.setAttribute(CACHE, seen, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        }
        return seen.computeIfAbsent(username, this::lookUp);
    }

    private static final String CACHE = PersonNames.class.getName() + ".seen";

    private String lookUp(String username) {
        return directory.findByUsername(username).map(UserView::displayName).orElse("—");
    }
}
