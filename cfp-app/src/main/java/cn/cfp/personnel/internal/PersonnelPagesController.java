package cn.cfp.personnel.internal;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.access.UserSearch;
import cn.cfp.party.Organisation;
import cn.cfp.party.Organisations;
import cn.cfp.personnel.CompetenceLevel;
import cn.cfp.personnel.FieldCompetence;
import cn.cfp.personnel.ProfileInput;
import cn.cfp.personnel.StaffProfile;
import cn.cfp.personnel.StaffRegistry;
import cn.cfp.scheme.Qualification;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** Personnel pages: staff read the registry; admins and competence evaluators edit profiles (R-PER). */
@Controller
class PersonnelPagesController {

    private static final String PAGE = "/personnel";

    private final StaffRegistry registry;
    private final Organisations organisations;

    PersonnelPagesController(StaffRegistry registry, Organisations organisations) {
        this.registry = registry;
        this.organisations = organisations;
    }

    /**
     * The staff, searched, filtered by role, sorted and a page at a time like every list (issue 8 item 15): {@code q} in
     * the username or name, {@code role} a staff role, {@code sort} one of {@link UserSearch.Order}, {@code page} from 0
     * and {@code size} 1-200.
     */
    @GetMapping(PAGE)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                @RequestParam(required = false) UserSearch.Order sort, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, Model model) {
        UserSearch search = UserSearch.staff(q, role, sort);
        Paging paging = Paging.of(page, size);
        Paging.Page<StaffProfile> result = registry.search(search.text(), search.role(), search.order(), paging);
        model.addAttribute("search", search);
        model.addAttribute("profiles", result.items());
        model.addAttribute("result", result);
        model.addAttribute("paging", paging);
        model.addAttribute("listPath", path(search, search.order(), null));
        UserSearch.Order next = search.order() == UserSearch.Order.NAME ? UserSearch.Order.NAME_DESC : UserSearch.Order.NAME;
        model.addAttribute("nameSortHref", path(search, next, paging.size()));
        model.addAttribute("nameSorted", search.order() == UserSearch.Order.NAME ? "ascending"
                : search.order() == UserSearch.Order.NAME_DESC ? "descending" : "none");
        model.addAttribute("orders", UserSearch.Order.values());
        model.addAttribute("staffRoles", Role.STAFF.stream().sorted().toList());
        model.addAttribute("staffing", registry.staffing());
        return "personnel/list";
    }

    /** This list's address with its search and the given order (page links add page and size). */
    private static String path(UserSearch s, UserSearch.Order order, Integer size) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(PAGE);
        if (s.text() != null) {
            b.queryParam("q", s.text());
        }
        if (s.role() != null) {
            b.queryParam("role", s.role().name());
        }
        if (order != UserSearch.Order.USERNAME) {
            b.queryParam("sort", order.name());
        }
        if (size != null && size != Paging.DEFAULT_SIZE) {
            b.queryParam("size", size);
        }
        return b.encode().build().toUriString();
    }

    @GetMapping("/personnel/{userId}")
    String profile(Actor me, @PathVariable long userId, Model model) {
        StaffProfile p = registry.get(userId);
        model.addAttribute("p", p);
        model.addAttribute("recorded", registry.recorded(userId));
        model.addAttribute("canEdit", me.has(Role.ADMIN) || me.has(Role.COMPETENCE_EVALUATOR));
        model.addAttribute("canDeclare", me.has(Role.ADMIN) || me.has(Role.COMPETENCE_EVALUATOR) || me.id() == userId);
        model.addAttribute("qualifications", Qualification.values());
        model.addAttribute("levels", CompetenceLevel.values());
        model.addAttribute("fieldLines", p.fields().stream().map(f -> f.field() + "," + f.level() + "," + (f.trained() ? 1 : 0) + ","
                + (f.examPassed() ? 1 : 0) + "," + f.projects()).collect(Collectors.joining("\n")));
        List<Organisation> clients = organisations.all().stream().filter(o -> o.kind() == Organisation.Kind.CLIENT).toList();
        model.addAttribute("clients", clients);
        model.addAttribute("orgNames", clients.stream().collect(Collectors.toMap(Organisation::id, Organisation::name)));
        return "personnel/profile";
    }

    @PostMapping("/personnel/{userId}")
    String save(Actor me, @PathVariable long userId,
                @RequestParam(defaultValue = "false") boolean fullTime, @RequestParam(required = false) Integer experienceYears,
                @RequestParam(required = false) Set<Qualification> qualifications,
                @RequestParam(required = false) String ccaaRegistrationNo,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate confidentialitySignedOn,
                @RequestParam(required = false, defaultValue = "") String fields) {
        registry.save(me.username(), userId, new ProfileInput(fullTime,
                qualifications == null || qualifications.isEmpty() ? EnumSet.noneOf(Qualification.class) : EnumSet.copyOf(qualifications),
                ccaaRegistrationNo, parseFields(fields), experienceYears, confidentialitySignedOn));
        return "redirect:/personnel/" + userId;
    }

    @PostMapping("/personnel/{userId}/conflicts")
    String declare(Actor me, @PathVariable long userId, @RequestParam long organisationId,
                   @RequestParam(defaultValue = "false") boolean conflicted, @RequestParam(required = false) String note) {
        registry.declare(me, userId, organisationId, conflicted, note, null);
        return "redirect:/personnel/" + userId;
    }

    /** One field per line: {@code CODE,LEVEL,trained(1/0),exam(1/0),projects}, e.g. {@code PV13,EXPERT,1,0,3}. */
    static List<FieldCompetence> parseFields(String text) {
        List<FieldCompetence> out = new ArrayList<>();
        List<Reason> problems = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\\R")) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] p = line.split("[,，\\s]+");
            try {
                out.add(new FieldCompetence(p[0], CompetenceLevel.valueOf(p[1].strip().toUpperCase(Locale.ROOT)),
                        p.length > 2 && "1".equals(p[2].strip()), p.length > 3 && "1".equals(p[3].strip()),
                        p.length > 4 ? Integer.parseInt(p[4].strip()) : 0));
            } catch (RuntimeException e) {
                problems.add(Reason.of("personnel.fields.badLine", n, line.strip()).at("fields"));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        return out;
    }
}
