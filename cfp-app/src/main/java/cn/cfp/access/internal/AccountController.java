package cn.cfp.access.internal;

import cn.cfp.access.Actor;
import cn.cfp.access.UserDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Each person's own account: where and in which language they are told things (issue 8 item 16). */
@Controller
class AccountController {

    private final UserDirectory users;

    AccountController(UserDirectory users) {
        this.users = users;
    }

    @GetMapping("/account")
    String show(Actor me, Model model) {
        model.addAttribute("account", users.get(me.id()));
        model.addAttribute("languages", UserDirectory.LANGUAGES);
        return "admin/account";
    }

    @PostMapping("/account")
    String save(Actor me, @RequestParam(required = false) String email, @RequestParam(required = false) String language,
                RedirectAttributes redirect) {
        users.setContact(me.username(), me.id(), email, language);
        redirect.addFlashAttribute("message", "account.saved");
        return "redirect:/account";
    }
}
