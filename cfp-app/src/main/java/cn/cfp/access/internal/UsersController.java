package cn.cfp.access.internal;

import cn.cfp.access.CfpPrincipal;
import cn.cfp.access.Role;
import cn.cfp.access.UserDirectory;
import cn.cfp.party.Organisations;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin page: users and their roles. */
@Controller
class UsersController {

    private final UserDirectory users;
    private final Organisations organisations;

    private final LoginThrottle throttle;

    UsersController(UserDirectory users, Organisations organisations, LoginThrottle throttle) {
        this.users = users;
        this.organisations = organisations;
        this.throttle = throttle;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("users", users.all());
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("languages", UserDirectory.LANGUAGES);
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("throttled", throttle.throttledAccounts());
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String create(@AuthenticationPrincipal CfpPrincipal me, @RequestParam String username, @RequestParam String displayName,
                  @RequestParam String password, @RequestParam(required = false) List<Role> roles,
                  @RequestParam(required = false) Long organisationId, RedirectAttributes redirect) {
        users.create(me.username(), username, displayName, password, roles == null ? Set.of() : EnumSet.copyOf(roles), organisationId);
        redirect.addFlashAttribute("message", "users.created");
        redirect.addFlashAttribute("messageArg", username);
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}")
    String update(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id, @RequestParam String displayName,
                  @RequestParam(required = false) List<Role> roles, @RequestParam(required = false) Long organisationId,
                  @RequestParam(defaultValue = "false") boolean enabled, @RequestParam(required = false) String email,
                  @RequestParam(required = false) String language, RedirectAttributes redirect) {
        String lang = language == null ? users.get(id).language() : language;
        users.update(me.username(), id, displayName, roles == null ? Set.of() : EnumSet.copyOf(roles), organisationId, enabled,
                email, lang);
        redirect.addFlashAttribute("message", "users.updated");
        redirect.addFlashAttribute("messageArg", users.get(id).username());
        return "redirect:/admin/users";
    }

    /** Onboards a client company so that its users can be created and bound to it (R-PTY-1). */
    @PostMapping("/admin/organisations")
    String createOrganisation(@AuthenticationPrincipal CfpPrincipal me, @RequestParam String name,
                              @RequestParam(required = false) String nameEn, @RequestParam String creditCode,
                              @RequestParam String address, @RequestParam String legalRepresentative,
                              @RequestParam String contactName, @RequestParam String contactPhone, RedirectAttributes redirect) {
        organisations.registerClient(me.username(), new cn.cfp.party.ClientRegistration(name, nameEn, creditCode, address,
                legalRepresentative, contactName, contactPhone), null);
        redirect.addFlashAttribute("message", "users.orgCreated");
        redirect.addFlashAttribute("messageArg", name);
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
        users.unlock(me.username(), id);
        redirect.addFlashAttribute("message", "users.unlocked");
        redirect.addFlashAttribute("messageArg", users.get(id).username());
        return "redirect:/admin/users";
    }
}
