package cn.cfp.reporting;

import cn.cfp.access.Actor;
import cn.cfp.audit.AuditTrail;
import cn.cfp.calendar.WorkingDayCalendar;
import cn.cfp.certificate.CertificateEvents;
import cn.cfp.certificate.CertificateStatus;
import cn.cfp.certificate.PublicCertificate;
import cn.cfp.shared.DateTexts;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CNCA reporting [R-PUB-3; 000 §11.1; decision D5]: an item for every issue, change and status change the
 * certificate module publishes, the list of what is unreported with its age, and the record of each report made.
 */
@Service
public class CncaReporting {

    static final int MAX_RECEIPT = 200;
    static final int MAX_NOTE = 2000;

    private final ReportingRepository repository;
    private final AuditTrail audit;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    CncaReporting(ReportingRepository repository, AuditTrail audit, WorkingDayCalendar calendar, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** An issued certificate version: version 1 is an issue, a later version a change (same number). */
    void record(CertificateEvents.Issued e) {
        PublicCertificate c = e.certificate();
        String key = "ISSUE:" + c.number() + ":v" + c.version();
        if (repository.exists(key)) {
            return; // the event redelivered
        }
        ReportKind kind = c.version() <= 1 ? ReportKind.ISSUE : ReportKind.CHANGE;
        LocalDate date = kind == ReportKind.CHANGE && c.changedOn() != null ? c.changedOn() : c.issuedOn();
        if (date == null) {
            date = LocalDate.ofInstant(e.at(), DateTexts.CHINA);
        }
        ObjectNode payload = json.createObjectNode();
        payload.set("certificate", json.valueToTree(c));
        repository.insertItem(key, kind, c.number(), c.schemeCode(), c.version(), CertificateStatus.VALID.name(), date,
                json.writeValueAsString(payload), e.at());
    }

    /** A status change, with the public data of the number's latest issued version (its scheme) where known. */
    void record(CertificateEvents.StatusChanged e) {
        String key = "STATUS:" + e.number() + ":" + e.status() + ":" + e.at().toEpochMilli();
        if (repository.exists(key)) {
            return;
        }
        Optional<ReportItem> issue = repository.latestIssue(e.number());
        ObjectNode change = json.createObjectNode();
        change.put("status", e.status().name());
        change.put("decidedOn", text(e.decidedOn()));
        change.put("effectiveOn", text(e.effectiveOn()));
        change.put("until", text(e.until()));
        change.put("causeCode", e.causeCode());
        change.put("cause", e.cause());
        ObjectNode payload = json.createObjectNode();
        payload.set("certificate", issue.map(i -> json.readTree(i.payload()).get("certificate")).orElse(json.nullNode()));
        payload.set("statusChange", change);
        LocalDate date = e.effectiveOn() != null ? e.effectiveOn()
                : e.decidedOn() != null ? e.decidedOn() : LocalDate.ofInstant(e.at(), DateTexts.CHINA);
        repository.insertItem(key, ReportKind.of(e.status()), e.number(), issue.map(ReportItem::schemeCode).orElse(null),
                issue.map(ReportItem::version).orElse(null), e.status().name(), date, json.writeValueAsString(payload), e.at());
    }

    @Transactional(readOnly = true)
    public List<ReportItem> items(ItemFilter filter) {
        return repository.find(filter);
    }

    /** The unreported items, oldest first. */
    @Transactional(readOnly = true)
    public List<ReportItem> unreported(String scheme, ReportKind kind) {
        return repository.find(new ItemFilter(scheme, kind, null, null, false));
    }

    /** These items (unknown ids refused, 404), oldest first. */
    @Transactional(readOnly = true)
    public List<ReportItem> byIds(List<Long> ids) {
        Set<Long> wanted = new LinkedHashSet<>(ids);
        List<ReportItem> found = repository.byIds(wanted);
        if (found.size() != wanted.size()) {
            Set<Long> missing = new TreeSet<>(wanted);
            found.forEach(i -> missing.remove(i.id()));
            throw Refusal.notFound("reporting.unknownItem", List.copyOf(missing).toString());
        }
        return found;
    }

    @Transactional(readOnly = true)
    public Optional<CncaSubmission> submission(long id) {
        return repository.submission(id);
    }

    /** Today in China (the age of an item counts calendar days to it). */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), DateTexts.CHINA);
    }

    /** The unreported items that arose more than {@code workingDays} working days ago (the body's reminder). */
    @Transactional(readOnly = true)
    public List<ReportItem> overdue(int workingDays) {
        LocalDate cutoff = overdueCutoff(today(), workingDays);
        return repository.find(ItemFilter.unreported()).stream().filter(i -> !i.recordedOn().isAfter(cutoff)).toList();
    }

    /**
     * The latest day an item may have arisen on and be overdue today: more than {@code workingDays} working days lie
     * after it up to today (the calendar's {@code workingDaysBetween} counted backwards once, not per item).
     */
    LocalDate overdueCutoff(LocalDate today, int workingDays) {
        int count = 0;
        LocalDate d = today;
        while (true) {
            if (calendar.isWorkingDay(d)) {
                count++;
            }
            if (count > workingDays) {
                return d.minusDays(1);
            }
            d = d.minusDays(1);
        }
    }

    /**
     * Records that these items were reported to CNCA, in one submission. Sending the same submission again (the same
     * items, channel and receipt) answers the recorded one (idempotent); an item another submission already reported is
     * refused (409, naming it) — also when two people mark at once: the database lets one win.
     */
    @Transactional
    public CncaSubmission markReported(Actor actor, MarkReported m) {
        List<Reason> problems = new ArrayList<>();
        List<Long> ids = m == null || m.itemIds() == null ? List.of() : m.itemIds().stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            problems.add(Reason.of("reporting.noItems").at("ids"));
        }
        if (m == null || m.channel() == null) {
            problems.add(Reason.of("reporting.channelRequired", List.of(ReportChannel.values())).at("channel"));
        }
        String receipt = m == null ? null : strip(m.receipt());
        String note = m == null ? null : strip(m.note());
        if (receipt != null && receipt.length() > MAX_RECEIPT) {
            problems.add(Reason.of("reporting.tooLong", MAX_RECEIPT).at("receipt"));
        }
        if (note != null && note.length() > MAX_NOTE) {
            problems.add(Reason.of("reporting.tooLong", MAX_NOTE).at("note"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        List<ReportItem> items = byIds(ids);
        List<ReportItem> already = items.stream().filter(ReportItem::isReported).toList();
        if (!already.isEmpty()) {
            Optional<CncaSubmission> same = replay(already, items, m.channel(), receipt);
            if (same.isPresent()) {
                return same.get();
            }
            List<Reason> reasons = new ArrayList<>();
            for (ReportItem i : already) {
                reasons.add(Reason.of("reporting.alreadyReported", i.number(), i.kind(), i.reported().submissionId(),
                        LocalDate.ofInstant(i.reported().at(), DateTexts.CHINA).toString()));
            }
            throw Refusal.conflict(reasons);
        }
        long id = repository.insertSubmission(m.channel(), receipt, note, actor.username(), clock.instant());
        try {
            for (ReportItem i : items) {
                repository.cover(id, i.id());
            }
        } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
            // another submission covered one of the items between our check and our insert: it won
            throw Refusal.conflict("reporting.reportedMeanwhile", items.size());
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("items", ReportingRepository.ids(items));
        d.put("numbers", items.stream().map(ReportItem::number).distinct().toList());
        d.put("channel", m.channel().name());
        d.put("receipt", receipt);
        audit.record(actor.username(), "CNCA_REPORTED", "reporting-submission:" + id, d);
        return repository.submission(id).orElseThrow();
    }

    private Optional<CncaSubmission> replay(List<ReportItem> already, List<ReportItem> items, ReportChannel channel, String receipt) {
        if (already.size() != items.size()) {
            return Optional.empty();
        }
        Set<Long> submissions = new TreeSet<>();
        already.forEach(i -> submissions.add(i.reported().submissionId()));
        if (submissions.size() != 1) {
            return Optional.empty();
        }
        return repository.submission(submissions.iterator().next())
                .filter(s -> s.channel() == channel && Objects.equals(s.receipt(), receipt)
                        && new TreeSet<>(s.itemIds()).equals(new TreeSet<>(ReportingRepository.ids(items))));
    }

    /** The public data stored with an item, as a tree (for the package and the pages). */
    public JsonNode data(ReportItem item) {
        return json.readTree(item.payload());
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
