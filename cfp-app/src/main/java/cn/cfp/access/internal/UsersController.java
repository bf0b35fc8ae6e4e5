package cn.cfp.access.internal;

import cn.cfp.access.CfpPrincipal;
import cn.cfp.access.Role;
import cn.cfp.access.UserDirectory;
import cn.cfp.access.UserSearch;
import cn.cfp.access.UserView;
import cn.cfp.party.Organisation;
import cn.cfp.party.Organisations;
import cn.cfp.shared.Paging;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Admin page: users and their roles, searched, filtered, sorted and paged like every list (issue 8 item 15). */
@Controller
class UsersController {

    static final String PAGE = "/admin/users";

    private final UserDirectory users;
    private final Organisations organisations;

    private final LoginThrottle throttle;

    UsersController(UserDirectory users, Organisations organisations, LoginThrottle throttle) {
        this.users = users;
        this.organisations = organisations;
        this.throttle = throttle;
    }

    /**
     * The users, searched, filtered, sorted and a page at a time (issue 8 item 15): {@code q} in the username, the name
     * or the organisation's name; {@code role}; {@code status} ENABLED or DISABLED; {@code org}; {@code sort} one of
     * {@link UserSearch.Order}; {@code page} from 0 and {@code size} 1-200 ({@link Paging}).
     */
    @GetMapping(PAGE)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                @RequestParam(required = false) UserSearch.Status status, @RequestParam(required = false) Long org,
                @RequestParam(required = false) UserSearch.Order sort, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, Model model) {
        List<Organisation> all = organisations.all();
        UserSearch search = new UserSearch(q, namedBy(q, all), role, status, org, false, sort);
        Paging paging = Paging.of(page, size);
        Paging.Page<UserView> result = users.search(search, paging);
        model.addAttribute("search", search);
        model.addAttribute("users", result.items());
        model.addAttribute("result", result);
        model.addAttribute("paging", paging);
        model.addAttribute("listPath", path(search, search.order(), null));
        model.addAttribute("usernameColumn", column(search, UserSearch.Order.USERNAME, paging.size()));
        model.addAttribute("nameColumn", column(search, UserSearch.Order.NAME, paging.size()));
        model.addAttribute("orders", UserSearch.Order.values());
        model.addAttribute("statuses", UserSearch.Status.values());
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("languages", UserDirectory.LANGUAGES);
        model.addAttribute("organisations", all);
        model.addAttribute("throttled", throttle.throttledAccounts());
        return "admin/users";
    }

    /**
     * A sortable column head: the link that sorts by it (the other direction when the list is sorted by it already), how
     * the list is sorted by it now as aria-sort says it ({@code ascending}, {@code descending} or {@code none}) and the
     * arrow shown for that.
     */
    record Column(String href, String sorted, String arrow) {
    }

    private static Column column(UserSearch s, UserSearch.Order ascending, int size) {
        UserSearch.Order descending = ascending.reversed();
        if (s.order() == ascending) {
            return new Column(path(s, descending, size), "ascending", " ▲");
        }
        if (s.order() == descending) {
            return new Column(path(s, ascending, size), "descending", " ▼");
        }
        return new Column(path(s, ascending, size), "none", "");
    }

    /** The organisations whose name (Chinese or English) contains the text, whatever the case. */
    private static Set<Long> namedBy(String q, List<Organisation> all) {
        if (q == null || q.isBlank()) {
            return Set.of();
        }
        String text = q.strip().toLowerCase(Locale.ROOT);
        Set<Long> ids = new HashSet<>();
        for (Organisation o : all) {
            if (o.name().toLowerCase(Locale.ROOT).contains(text) || (o.nameEn() != null && o.nameEn().toLowerCase(Locale.ROOT).contains(text))) {
                ids.add(o.id());
            }
        }
        return ids;
    }

    /**
     * This list's address with its search and the given order (page links add page and size; the column heads' links
     * keep the page size and start again at the first page).
     */
    private static String path(UserSearch s, UserSearch.Order order, Integer size) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(PAGE);
        add(b, "q", s.text());
        add(b, "role", s.role());
        add(b, "status", s.status());
        add(b, "org", s.organisationId());
        if (order != UserSearch.Order.USERNAME) {
            b.queryParam("sort", order.name());
        }
        if (size != null && size != Paging.DEFAULT_SIZE) {
            b.queryParam("size", size);
        }
        return b.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, Object value) {
        if (value != null) {
            b.queryParam(name, value.toString());
        }
    }

    /**
     * Back to the list the form was sent from (its search and page: the form's {@code _page}), else to the whole list.
     * Only this list's own address in plain printable ASCII is followed.
     */
    static String backToList(String page) {
        boolean list = page != null && (page.equals(PAGE) || page.startsWith(PAGE + "?"))
                && page.chars().allMatch(c -> c > 0x20 && c < 0x7f && "\\#{}".indexOf(c) < 0);
        return "redirect:" + (list ? page : PAGE);
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
                  @RequestParam(required = false) String language, @RequestParam(name = "_page", required = false) String back,
                  RedirectAttributes redirect) {
        String lang = language == null ? users.get(id).language() : language;
        users.update(me.username(), id, displayName, roles == null ? Set.of() : EnumSet.copyOf(roles), organisationId, enabled,
                email, lang);
        redirect.addFlashAttribute("message", "users.updated");
        redirect.addFlashAttribute("messageArg", users.get(id).username());
        return backToList(back);
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
    String unlock(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long id,
                  @RequestParam(name = "_page", required = false) String back, RedirectAttributes redirect) {
        users.unlock(me.username(), id);
        redirect.addFlashAttribute("message", "users.unlocked");
        redirect.addFlashAttribute("messageArg", users.get(id).username());
        return backToList(back);
    }
}
