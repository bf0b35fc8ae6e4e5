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
import cn.cfp.scheme.CompetenceField;
import cn.cfp.scheme.Qualification;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** Personnel pages: staff read the registry; admins and competence evaluators edit profiles (R-PER). */
@Controller
class PersonnelPagesController {

    /** Empty rows below the recorded ones on the competence table: saving brings as many new ones again. */
    static final int EMPTY_ROWS = 3;
    private static final String PAGE = "/personnel";

    private final StaffRegistry registry;
    private final Organisations organisations;
    private final SchemeCatalog schemes;

    PersonnelPagesController(StaffRegistry registry, Organisations organisations, SchemeCatalog schemes) {
        this.registry = registry;
        this.organisations = organisations;
        this.schemes = schemes;
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
        // the competence table: one row per recorded field, then empty rows to add more (no script needed)
        List<FieldCompetence> rows = new ArrayList<>(p.fields());
        for (int i = 0; i < EMPTY_ROWS; i++) {
            rows.add(null);
        }
        model.addAttribute("fieldRows", rows);
        model.addAttribute("fieldChoices", fieldChoices(p.fields()));
        model.addAttribute("fieldNames", fieldChoices(p.fields()).stream()
                .collect(Collectors.toMap(CompetenceField::code, f -> f, (a, b) -> a)));
        List<Organisation> clients = organisations.all().stream().filter(o -> o.kind() == Organisation.Kind.CLIENT).toList();
        model.addAttribute("clients", clients);
        model.addAttribute("orgNames", clients.stream().collect(Collectors.toMap(Organisation::id, Organisation::name)));
        return "personnel/profile";
    }

    /** The fields a row may name: every scheme's fields of competence, then any other field the person holds. */
    private List<CompetenceField> fieldChoices(List<FieldCompetence> held) {
        List<CompetenceField> out = new ArrayList<>(schemes.competenceFields());
        for (FieldCompetence f : held) {
            if (out.stream().noneMatch(c -> c.code().equals(f.field()))) {
                out.add(CompetenceField.unnamed(f.field()));
            }
        }
        return out;
    }

    @PostMapping("/personnel/{userId}")
    String save(Actor me, @PathVariable long userId,
                @RequestParam(defaultValue = "false") boolean fullTime, @RequestParam(required = false) Integer experienceYears,
                @RequestParam(required = false) Set<Qualification> qualifications,
                @RequestParam(required = false) String ccaaRegistrationNo,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate confidentialitySignedOn,
                @RequestParam MultiValueMap<String, String> form) {
        registry.save(me.username(), userId, new ProfileInput(fullTime,
                qualifications == null || qualifications.isEmpty() ? EnumSet.noneOf(Qualification.class) : EnumSet.copyOf(qualifications),
                ccaaRegistrationNo, fieldRows(form), experienceYears, confidentialitySignedOn));
        return "redirect:/personnel/" + userId;
    }

    @PostMapping("/personnel/{userId}/conflicts")
    String declare(Actor me, @PathVariable long userId, @RequestParam long organisationId,
                   @RequestParam(defaultValue = "false") boolean conflicted, @RequestParam(required = false) String note) {
        registry.declare(me, userId, organisationId, conflicted, note, null);
        return "redirect:/personnel/" + userId;
    }

    /**
     * The competence table's rows: per row a {@code field} select, a {@code level} select and a {@code projects} number
     * (every row sends them, in order), and the boxes {@code trained}, {@code examPassed} and {@code remove} whose value is
     * the row's index. A row without a field, or with "remove" ticked, is dropped.
     */
    static List<FieldCompetence> fieldRows(MultiValueMap<String, String> form) {
        List<String> fields = form.getOrDefault("field", List.of());
        List<String> levels = form.getOrDefault("level", List.of());
        List<String> projects = form.getOrDefault("projects", List.of());
        Set<String> trained = Set.copyOf(form.getOrDefault("trained", List.of()));
        Set<String> exam = Set.copyOf(form.getOrDefault("examPassed", List.of()));
        Set<String> removed = Set.copyOf(form.getOrDefault("remove", List.of()));
        List<FieldCompetence> out = new ArrayList<>();
        List<Reason> problems = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String code = fields.get(i) == null ? "" : fields.get(i).strip();
            String row = String.valueOf(i);
            if (code.isEmpty() || removed.contains(row)) {
                continue;
            }
            String level = i < levels.size() && levels.get(i) != null ? levels.get(i).strip().toUpperCase(Locale.ROOT) : "";
            String count = i < projects.size() && projects.get(i) != null ? projects.get(i).strip() : "";
            CompetenceLevel l = Arrays.stream(CompetenceLevel.values()).filter(x -> x.name().equals(level)).findFirst().orElse(null);
            if (l == null) {
                problems.add(Reason.of("personnel.fields.levelRequired", code, i + 1).at("fields"));
                continue;
            }
            int n;
            try {
                n = count.isEmpty() ? 0 : Integer.parseInt(count);
            } catch (NumberFormatException e) {
                problems.add(Reason.of("personnel.fields.projectsNotANumber", code, count).at("fields"));
                continue;
            }
            out.add(new FieldCompetence(code, l, trained.contains(row), exam.contains(row), n));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        return out;
    }
}
