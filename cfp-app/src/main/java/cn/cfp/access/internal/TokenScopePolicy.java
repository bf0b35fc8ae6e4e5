package cn.cfp.access.internal;

import cn.cfp.access.TokenScope;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;

/**
 * May a call made with an API token of this scope do this action (issue 8 item 3)? The scope an action needs is the
 * greater of what its method implies (GET/HEAD: READ, anything else: WORKFLOW) and what the access table states for
 * it ({@code tokenScope}, e.g. ADMIN for user and token administration). A scope only narrows: the owner's roles and
 * relations are checked as for every call.
 */
final class TokenScopePolicy {

    private TokenScopePolicy() {
    }

    static TokenScope needed(AccessTable.Action action, String method) {
        TokenScope byMethod = TokenScope.forMethod(method);
        return action.tokenScope().covers(byMethod) ? action.tokenScope() : byMethod;
    }

    static Verdict check(TokenScope held, AccessTable.Action action, String method) {
        TokenScope needed = needed(action, method);
        return held.covers(needed) ? Verdict.allow()
                : Verdict.refuse(Reason.of("access.token.scope", held.label(), action.id(), needed.label()));
    }
}
