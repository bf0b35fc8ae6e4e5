package cn.cfp.access.internal;

import cn.cfp.access.CfpPrincipal;
import cn.cfp.access.UserDirectory;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own password, and an administrator's reset of somebody's (issue 8 item 8). */
@Controller
class PasswordController {

    private final UserDirectory users;

    PasswordController(UserDirectory users) {
        this.users = users;
    }

    @GetMapping(PasswordChangeGate.PAGE)
    String passwordPage(@AuthenticationPrincipal CfpPrincipal me, HttpSession session, Model model) {
        model.addAttribute("mustChange", session.getAttribute(PasswordChangeGate.MARK) != null);
        return "account/password";
    }

    @PostMapping(PasswordChangeGate.PAGE)
    String changePassword(@AuthenticationPrincipal CfpPrincipal me, @RequestParam(required = false) String current,
                          @RequestParam(required = false) String password, @RequestParam(required = false) String repeat,
                          HttpSession session) {
        users.changeOwnPassword(me.id(), current, password, repeat, session.getId());
        session.removeAttribute(PasswordChangeGate.MARK);
        return "redirect:" + PasswordChangeGate.PAGE + "?changed";
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id,
                         @RequestParam(name = "_page", required = false) String back, RedirectAttributes redirect) {
        String temporary = users.resetPassword(me.username(), id);
        redirect.addFlashAttribute("resetUser", users.get(id).username());
        redirect.addFlashAttribute("temporaryPassword", temporary);
        return UsersController.backToList(back);
    }
}
