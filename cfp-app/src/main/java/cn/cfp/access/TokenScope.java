package cn.cfp.access;

import cn.cfp.shared.Reason;

/**
 * What an API token may do, chosen when it is made (issue 8 item 3). A scope only ever narrows what the token's owner
 * may do: the owner's roles and relations to records still apply to every call. The access table states which actions
 * need more than their method implies ({@code tokenScope} in {@code access/actions.yaml}).
 */
public enum TokenScope {

    /** Only safe methods (GET, HEAD): reads, never a change. */
    READ("access.token.scope.read"),
    /** Everything the owner's roles allow except administration (users, tokens, the calendar). */
    WORKFLOW("access.token.scope.workflow"),
    /** Everything the owner's roles allow, administration included. */
    ADMIN("access.token.scope.admin");

    private final String code;

    TokenScope(String code) {
        this.code = code;
    }

    /** True when a token of this scope may do what needs {@code needed}. */
    public boolean covers(TokenScope needed) {
        return compareTo(needed) >= 0;
    }

    /** The scope's name in words, as an argument of a reason. */
    public Reason label() {
        return Reason.of(code);
    }

    /** The least scope a call with this HTTP method needs: READ for GET and HEAD, WORKFLOW for anything else. */
    public static TokenScope forMethod(String method) {
        return "GET".equals(method) || "HEAD".equals(method) ? READ : WORKFLOW;
    }
}
