package cn.cfp.reporting;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.audit.AuditTrail;
import cn.cfp.shared.DateTexts;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The body's fee schedule, published on its website [R-PUB-4; 000 §10 "认证机构应当…公开收费标准"; 001 §16; 002 §9;
 * 003 ¶97]. An administrator edits it; each save is a new version (never overwritten), audited; the version in force
 * is the latest whose effective date has come, so a schedule can be published ahead of its date.
 */
@Service
public class FeeSchedules {

    static final int MAX_ITEMS = 50;
    static final int MAX_NAME = 200;
    static final int MAX_NOTE = 1000;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    private final FeeRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    FeeSchedules(FeeRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** The schedule in force today, if any version has taken effect. */
    @Transactional(readOnly = true)
    public Optional<FeeSchedule> current() {
        return repository.inForce(today()).flatMap(repository::find);
    }

    /** The latest saved version when it takes effect after today (published ahead of its date). */
    @Transactional(readOnly = true)
    public Optional<FeeSchedule> upcoming() {
        int latest = repository.latestVersion();
        return latest == 0 ? Optional.empty() : repository.find(latest).filter(s -> s.effectiveOn().isAfter(today()));
    }

    /** The latest saved version (what the administrator edits on), in force or not. */
    @Transactional(readOnly = true)
    public Optional<FeeSchedule> latest() {
        int latest = repository.latestVersion();
        return latest == 0 ? Optional.empty() : repository.find(latest);
    }

    @Transactional(readOnly = true)
    public Optional<FeeSchedule> version(int version) {
        return repository.find(version);
    }

    /** Every version, newest first (without lines). */
    @Transactional(readOnly = true)
    public List<FeeSchedule> history() {
        return repository.history();
    }

    /** An administrator saves a new version on the one they read; refused in words otherwise. */
    @Transactional
    public FeeSchedule save(Actor actor, FeeScheduleDraft draft) {
        if (!actor.has(Role.ADMIN)) {
            throw Refusal.forbidden("reporting.fees.notAdmin");
        }
        return insert(actor.username(), draft, false);
    }

    /** The demo data's schedule (marked as demonstration values), when there is none yet. */
    @Transactional
    public void loadDemo(FeeScheduleDraft draft) {
        if (repository.latestVersion() == 0) {
            insert("system", draft, true);
        }
    }

    private FeeSchedule insert(String by, FeeScheduleDraft draft, boolean demo) {
        FeeScheduleDraft d = validated(draft);
        int latest = repository.latestVersion();
        if (d.baseVersion() != latest) {
            throw Refusal.conflict("reporting.fees.stale", d.baseVersion(), latest);
        }
        int version = latest + 1;
        try {
            repository.insert(version, d, demo, by, clock.instant());
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("reporting.fees.stale", d.baseVersion(), version);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", version);
        details.put("effectiveOn", d.effectiveOn().toString());
        details.put("items", d.items().size());
        details.put("demo", demo);
        audit.record(by, "FEE_SCHEDULE_SAVED", "fee-schedule:" + version, details);
        return repository.find(version).orElseThrow();
    }

    private static FeeScheduleDraft validated(FeeScheduleDraft d) {
        List<Reason> problems = new ArrayList<>();
        if (d == null) {
            throw Refusal.badRequest(List.of(Reason.of("reporting.fees.itemsRequired").at("nameZh")));
        }
        if (d.baseVersion() == null) {
            problems.add(Reason.of("reporting.fees.baseRequired").at("baseVersion"));
        }
        if (d.effectiveOn() == null) {
            problems.add(Reason.of("reporting.fees.effectiveOnRequired").at("effectiveOn"));
        }
        List<FeeItem> items = new ArrayList<>();
        List<FeeItem> given = d.items() == null ? List.of() : d.items();
        for (int n = 0; n < given.size(); n++) {
            FeeItem i = given.get(n);
            if (i == null) {
                continue;
            }
            int row = n + 1;
            String zh = strip(i.nameZh());
            String en = strip(i.nameEn());
            if (zh == null) {
                problems.add(Reason.of("reporting.fees.nameZhRequired", row).at("nameZh"));
            } else if (zh.length() > MAX_NAME) {
                problems.add(Reason.of("reporting.fees.tooLong", row, MAX_NAME).at("nameZh"));
            }
            if (en == null) {
                problems.add(Reason.of("reporting.fees.nameEnRequired", row).at("nameEn"));
            } else if (en.length() > MAX_NAME) {
                problems.add(Reason.of("reporting.fees.tooLong", row, MAX_NAME).at("nameEn"));
            }
            if (i.basis() == null) {
                problems.add(Reason.of("reporting.fees.basisRequired", row, List.of(FeeBasis.values())).at("basis"));
            }
            BigDecimal amount = i.amountCny();
            if (amount == null || amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.stripTrailingZeros().scale() > 2) {
                problems.add(Reason.of("reporting.fees.amount", row, amount == null ? "" : amount.toPlainString()).at("amountCny"));
            }
            String noteZh = strip(i.noteZh());
            String noteEn = strip(i.noteEn());
            if ((noteZh != null && noteZh.length() > MAX_NOTE) || (noteEn != null && noteEn.length() > MAX_NOTE)) {
                problems.add(Reason.of("reporting.fees.tooLong", row, MAX_NOTE).at("noteZh"));
            }
            items.add(new FeeItem(zh, en, i.basis(), amount == null || amount.signum() < 0 ? amount : FeeRepository.money(amount),
                    noteZh, noteEn));
        }
        if (items.isEmpty()) {
            problems.add(Reason.of("reporting.fees.itemsRequired").at("nameZh"));
        } else if (items.size() > MAX_ITEMS) {
            problems.add(Reason.of("reporting.fees.tooMany", MAX_ITEMS).at("nameZh"));
        }
        if (strip(d.noteZh()) != null && strip(d.noteZh()).length() > MAX_NOTE
                || strip(d.noteEn()) != null && strip(d.noteEn()).length() > MAX_NOTE) {
            problems.add(Reason.of("reporting.fees.noteTooLong", MAX_NOTE).at("scheduleNoteZh"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        return new FeeScheduleDraft(d.baseVersion(), d.effectiveOn(), strip(d.noteZh()), strip(d.noteEn()), items);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), DateTexts.CHINA);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
