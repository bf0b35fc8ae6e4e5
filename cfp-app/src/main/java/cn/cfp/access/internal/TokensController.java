package cn.cfp.access.internal;

import cn.cfp.access.ApiTokens;
import cn.cfp.access.CfpPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Each person manages their own API tokens. */
@Controller
class TokensController {

    private final ApiTokens tokens;

    TokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/tokens")
    String list(@AuthenticationPrincipal CfpPrincipal me, Model model) {
        model.addAttribute("tokens", tokens.of(me));
        return "admin/tokens";
    }

    @PostMapping("/tokens")
    String create(@AuthenticationPrincipal CfpPrincipal me, @RequestParam String label, Model model) {
        model.addAttribute("newToken", tokens.create(me, label));
        model.addAttribute("tokens", tokens.of(me));
        return "admin/tokens";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id) {
        tokens.revoke(me, id);
        return "redirect:/tokens";
    }
}
