package cn.cfp.access.internal;

import cn.cfp.access.ApiTokens;
import cn.cfp.access.CfpPrincipal;
import cn.cfp.access.TokenScope;
import cn.cfp.shared.FormValues;
import cn.cfp.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Each person manages their own API tokens: scope, expiry, last use (issue 8 item 3). */
@Controller
class TokensController {

    private final ApiTokens tokens;
    private final Clock clock;

    TokensController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A token as the page lists it; times in the platform's zone (Asia/Shanghai), empty when there is none. */
    record Row(long id, String label, TokenScope scope, String created, String expires, String lastUsed, String revoked,
               boolean active, boolean expired) {
    }

    @GetMapping("/tokens")
    String list(@AuthenticationPrincipal CfpPrincipal me, Model model) {
        return page(me, model);
    }

    @PostMapping("/tokens")
    String create(@AuthenticationPrincipal CfpPrincipal me, @RequestParam(required = false) String label,
                  @RequestParam(required = false) String scope, @RequestParam(required = false) String days, Model model) {
        // no choice is refused with the other problems of the form; a choice the form did not offer at once
        TokenScope chosen = scope == null || scope.isBlank() ? null : FormValues.choice(TokenScope.class, "scope", scope);
        int validDays = ApiTokens.DEFAULT_DAYS;
        if (days != null && !days.isBlank()) {
            try {
                validDays = Integer.parseInt(days.strip());
            } catch (NumberFormatException e) {
                throw Refusal.badRequest(List.of(ApiTokens.daysInvalid(FormValues.quote(days))));
            }
        }
        model.addAttribute("newToken", tokens.create(me, label, chosen, validDays));
        return page(me, model);
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id) {
        tokens.revoke(me, id);
        return "redirect:/tokens";
    }

    private String page(CfpPrincipal me, Model model) {
        Instant now = clock.instant();
        model.addAttribute("tokens", tokens.of(me).stream().map(t -> new Row(t.id(), t.label(), t.scope(), shown(t.createdAt()),
                shown(t.expiresAt()), shown(t.lastUsedAt()), shown(t.revokedAt()), t.activeAt(now),
                t.revokedAt() == null && !t.activeAt(now))).toList());
        model.addAttribute("scopes", TokenScope.values());
        model.addAttribute("defaultDays", ApiTokens.DEFAULT_DAYS);
        model.addAttribute("minDays", ApiTokens.MIN_DAYS);
        model.addAttribute("maxDays", ApiTokens.MAX_DAYS);
        return "admin/tokens";
    }

    private String shown(OffsetDateTime at) {
        return cn.cfp.shared.DateTexts.time(at, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }
}
