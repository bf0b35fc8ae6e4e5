package cn.cfp.numbering;

import cn.cfp.access.Actor;
import cn.cfp.audit.AuditTrail;
import cn.cfp.body.BodyIdentity;
import cn.cfp.scheme.CertificateNumberRule;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import cn.cfp.shared.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Certificate numbers [R-CERT-2, decision D2] — see {@link CertificateNumbers}. CNCA schemes: a request with a
 * provisional internal reference ({@code REQ-<year>-<seq>}, never a certificate number), the package for CNCA, the
 * record that it was submitted, then the confirmed number entered or imported by staff and checked against the pattern,
 * this body's code, the issue year and the product code of the request. Local schemes: the number is allocated at once
 * from the scheme's format and a counter row per scheme and year, locked while allocating. Every number is unique by
 * the database's primary key and stays with its case for ever (rows are never deleted or changed).
 */
@Service
public class Numbers implements CertificateNumbers {

    static final int MAX_CHANNEL = 40;
    static final int MAX_NOTE = 2000;
    private static final Logger log = LoggerFactory.getLogger(Numbers.class);

    private final NumberingRepository repository;
    private final ProductCodes productCodes;
    private final SchemeCatalog schemes;
    private final BodyIdentity body;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate newTx;

    Numbers(NumberingRepository repository, ProductCodes productCodes, SchemeCatalog schemes, BodyIdentity body,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.productCodes = productCodes;
        this.schemes = schemes;
        this.body = body;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.newTx = new TransactionTemplate(transactions);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // ---- the contract

    @Override
    public NumberView prepare(NumberRequest request) {
        return prepare(Actor.SYSTEM, request);
    }

    /** {@link #prepare(NumberRequest)} on behalf of a person (recorded as who requested). */
    public NumberView prepare(Actor actor, NumberRequest request) {
        CertificateNumberRule rule = validate(request);
        Optional<NumberRecord> existing = repository.find(request.applicationId());
        if (existing.isPresent()) {
            return existing.get().view(); // idempotent per application
        }
        try {
            if (rule.assignedByCnca()) {
                tx.executeWithoutResult(s -> request(actor, request));
            } else {
                allocate(actor, request, rule);
            }
        } catch (DuplicateKeyException e) {
            // the same case prepared at the same moment by someone else: theirs stands
            NumberRecord theirs = repository.find(request.applicationId()).orElseThrow(() -> e);
            return theirs.view();
        }
        return repository.find(request.applicationId()).orElseThrow().view();
    }

    @Override
    public NumberView of(long applicationId) {
        return repository.find(applicationId).map(NumberRecord::view)
                .orElse(new NumberView(applicationId, State.NONE, null, null));
    }

    @Override
    public Optional<String> number(long applicationId) {
        return repository.find(applicationId).map(NumberRecord::number);
    }

    // ---- staff

    public List<NumberRecord> all() {
        return repository.all();
    }

    public Optional<NumberRecord> record(long applicationId) {
        return repository.find(applicationId);
    }

    public NumberRecord require(long applicationId) {
        return repository.find(applicationId).orElseThrow(() -> Refusal.notFound("numbering.noRequest", applicationId));
    }

    /** The whole days since the request was made. */
    public long ageDays(NumberRecord r) {
        return java.time.Duration.between(r.requestedAt(), clock.instant()).toDays();
    }

    /** Staff record that the package was submitted to CNCA (date, channel, note): REQUESTED → SUBMITTED. */
    public NumberRecord recordSubmission(Actor actor, long applicationId, LocalDate submittedOn, String channel, String note) {
        try {
            tx.executeWithoutResult(s -> {
                NumberRecord r = requireCnca(applicationId);
                if (r.state() != State.REQUESTED) {
                    throw Refusal.conflict("numbering.alreadySubmitted", r.provisionalReference(), r.state());
                }
                List<Reason> problems = new ArrayList<>();
                LocalDate today = LocalDate.now(clock);
                if (submittedOn == null) {
                    problems.add(Reason.of("numbering.submittedOnRequired").at("submittedOn"));
                } else if (submittedOn.isAfter(today)) {
                    problems.add(Reason.of("numbering.submittedOnFuture", submittedOn.toString()).at("submittedOn"));
                } else if (submittedOn.isBefore(LocalDate.ofInstant(r.requestedAt(), clock.getZone()))) {
                    problems.add(Reason.of("numbering.submittedBeforeRequest", submittedOn.toString(),
                            LocalDate.ofInstant(r.requestedAt(), clock.getZone()).toString()).at("submittedOn"));
                }
                if (channel == null || channel.isBlank()) {
                    problems.add(Reason.of("numbering.channelRequired").at("channel"));
                } else if (channel.strip().length() > MAX_CHANNEL) {
                    problems.add(Reason.of("numbering.tooLong", MAX_CHANNEL).at("channel"));
                }
                if (note != null && note.strip().length() > MAX_NOTE) {
                    problems.add(Reason.of("numbering.tooLong", MAX_NOTE).at("note"));
                }
                if (!problems.isEmpty()) {
                    throw Refusal.badRequest(problems);
                }
                Instant now = clock.instant();
                repository.insertSubmission(applicationId, submittedOn, channel.strip(), blankToNull(note), actor.username(), now);
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("provisionalReference", r.provisionalReference());
                d.put("submittedOn", submittedOn.toString());
                d.put("channel", channel.strip());
                audit.record(actor.username(), "NUMBER_REQUEST_SUBMITTED", "application:" + applicationId, d);
            });
        } catch (DuplicateKeyException e) {
            NumberRecord r = require(applicationId);
            throw Refusal.conflict("numbering.alreadySubmitted", r.provisionalReference(), r.state());
        }
        return require(applicationId);
    }

    /**
     * Staff enter the number CNCA confirmed: SUBMITTED → CONFIRMED, checked against the pattern, this body's code, the
     * issue year and product code of the request, and unique (409 numbering.duplicate when another case holds it).
     */
    public NumberRecord confirm(Actor actor, long applicationId, String written) {
        try {
            tx.executeWithoutResult(s -> {
                NumberRecord r = requireCnca(applicationId);
                CertificateNumber n = checkConfirmable(r, written).orElseThrow();
                insertConfirmed(actor, r, n, "form");
            });
        } catch (DuplicateKeyException e) {
            throw duplicateOrAlready(applicationId, written);
        }
        return require(applicationId);
    }

    /** One line of a confirmed-numbers import. */
    public record ImportLine(int line, String provisionalReference, String number) {
    }

    /**
     * Imports CNCA's confirmed numbers as CSV {@code provisional reference,number} (an optional header line): all or
     * nothing; every bad line is refused with its line number and reasons.
     */
    public List<NumberRecord> importConfirmed(Actor actor, String csv) {
        List<ImportLine> lines = importLines(csv);
        List<Reason> problems = new ArrayList<>();
        Map<String, Integer> numbersInFile = new HashMap<>();
        List<Object[]> ok = new ArrayList<>();
        for (ImportLine l : lines) {
            List<Reason> mine = new ArrayList<>();
            Optional<NumberRecord> r = repository.findByProvisional(l.provisionalReference());
            if (r.isEmpty()) {
                mine.add(Reason.of("numbering.import.unknownReference", l.provisionalReference()));
            } else {
                try {
                    CertificateNumber n = checkConfirmable(r.get(), l.number()).orElseThrow();
                    Integer other = numbersInFile.putIfAbsent(n.printed(), l.line());
                    if (other != null) {
                        mine.add(Reason.of("numbering.import.twice", n.printed(), other));
                    } else {
                        Optional<Long> holder = repository.holderOf(n.printed());
                        if (holder.isPresent()) {
                            mine.add(duplicateReason(n.printed(), holder.get()));
                        } else {
                            ok.add(new Object[] {r.get(), n});
                        }
                    }
                } catch (Refusal refusal) {
                    mine.addAll(refusal.reasons());
                }
            }
            if (!mine.isEmpty()) {
                problems.add(Reason.of("numbering.import.line", l.line(), l.provisionalReference()).at("file"));
                problems.addAll(mine);
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        try {
            tx.executeWithoutResult(s -> ok.forEach(o -> insertConfirmed(actor, (NumberRecord) o[0], (CertificateNumber) o[1], "import")));
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("numbering.import.concurrent");
        }
        return ok.stream().map(o -> require(((NumberRecord) o[0]).applicationId())).toList();
    }

    // ---- internals

    private CertificateNumberRule validate(NumberRequest r) {
        List<Reason> problems = new ArrayList<>();
        if (r == null) {
            throw Refusal.badRequest("numbering.requestRequired");
        }
        Scheme scheme = r.schemeCode() == null ? null : schemes.find(r.schemeCode()).orElse(null);
        CertificateNumberRule rule = scheme == null ? null : scheme.certificateNumber().value();
        if (scheme == null) {
            problems.add(Reason.of("numbering.scheme", String.valueOf(r.schemeCode())));
        } else if (rule == null) {
            problems.add(Reason.of("numbering.noRule", r.schemeCode()));
        }
        if (r.issueOn() == null) {
            problems.add(Reason.of("numbering.issueOnRequired").at("issueOn"));
        }
        if (r.reference() == null || r.reference().isBlank()) {
            problems.add(Reason.of("numbering.referenceRequired"));
        }
        if (rule != null && rule.assignedByCnca()) {
            if (r.productCode() == null || r.productCode().isBlank()) {
                problems.add(Reason.of("numbering.productCodeRequired").at("productCode"));
            } else if (productCodes.find(r.productCode()).isEmpty()) {
                problems.add(Reason.of("numbering.productCodeUnknown", r.productCode().strip()).at("productCode"));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        return rule;
    }

    private void request(Actor actor, NumberRequest r) {
        Instant now = clock.instant();
        int year = LocalDate.ofInstant(now, clock.getZone()).getYear();
        String provisional = String.format("REQ-%d-%05d", year, repository.nextRequestSeq());
        NumberRequest clean = new NumberRequest(r.applicationId(), r.reference().strip(), r.schemeCode(), r.productCode().strip(),
                r.issueOn(), r.fields());
        repository.insertRequest(clean, "CNCA", provisional, actor.username(), now);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("provisionalReference", provisional);
        d.put("scheme", r.schemeCode());
        d.put("productCode", clean.productCode());
        d.put("issueOn", r.issueOn().toString());
        audit.record(actor.username(), "NUMBER_REQUESTED", "application:" + r.applicationId(), d);
    }

    /** Locks the (scheme, year) counter row, takes its serial, advances it, stores the number — one transaction. */
    private void allocate(Actor actor, NumberRequest r, CertificateNumberRule rule) {
        int year = r.issueOn().getYear();
        for (int attempt = 0; ; attempt++) {
            try {
                newTx.executeWithoutResult(s -> repository.ensureCounter(r.schemeCode(), year));
            } catch (DuplicateKeyException e) {
                // another allocation made the row at the same moment: fine
            }
            Boolean done = tx.execute(s -> {
                Optional<Integer> next = repository.lockCounter(r.schemeCode(), year);
                if (next.isEmpty()) {
                    return false; // the maker of the row has not committed yet
                }
                int serial = next.get();
                if (serial > rule.maxSerial()) {
                    throw Refusal.conflict("numbering.exhausted", r.schemeCode(), String.valueOf(year), rule.maxSerial());
                }
                repository.advanceCounter(r.schemeCode(), year);
                String number = rule.format(year, serial);
                Instant now = clock.instant();
                NumberRequest clean = new NumberRequest(r.applicationId(), r.reference().strip(), r.schemeCode(), null,
                        r.issueOn(), r.fields());
                repository.insertRequest(clean, "LOCAL", null, actor.username(), now);
                repository.insertNumber(r.applicationId(), number, "ALLOCATED", r.schemeCode(), year, serial, actor.username(), now);
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("number", number);
                d.put("scheme", r.schemeCode());
                d.put("serial", serial);
                audit.record(actor.username(), "NUMBER_ALLOCATED", "application:" + r.applicationId(), d);
                events.publishEvent(new NumberingEvents.NumberAssigned(r.applicationId(), number, State.ALLOCATED, now));
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                return;
            }
            if (attempt > 50) {
                throw new IllegalStateException("number counter " + r.schemeCode() + "/" + year + " did not appear");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private NumberRecord requireCnca(long applicationId) {
        NumberRecord r = require(applicationId);
        if (!r.cnca()) {
            throw Refusal.conflict("numbering.local", r.schemeCode(), String.valueOf(r.number()));
        }
        return r;
    }

    /** The parsed number when the request can take it; a Refusal (409 state / 400 checks) otherwise. */
    private Optional<CertificateNumber> checkConfirmable(NumberRecord r, String written) {
        if (r.state() == State.CONFIRMED) {
            throw Refusal.conflict("numbering.alreadyConfirmed", r.provisionalReference(), r.number());
        }
        if (r.state() != State.SUBMITTED) {
            throw Refusal.conflict("numbering.notSubmitted", r.provisionalReference());
        }
        Verdict v = CertificateNumber.check(written, body.bodyCode(), r.issueOn().getYear(), r.productCode());
        v.orRefuse(400);
        return CertificateNumber.parse(written);
    }

    private void insertConfirmed(Actor actor, NumberRecord r, CertificateNumber n, String how) {
        Instant now = clock.instant();
        repository.insertNumber(r.applicationId(), n.printed(), "CONFIRMED", r.schemeCode(), n.year(), null, actor.username(), now);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("number", n.printed());
        d.put("provisionalReference", r.provisionalReference());
        d.put("how", how);
        audit.record(actor.username(), "NUMBER_CONFIRMED", "application:" + r.applicationId(), d);
        events.publishEvent(new NumberingEvents.NumberAssigned(r.applicationId(), n.printed(), State.CONFIRMED, now));
    }

    private Refusal duplicateOrAlready(long applicationId, String written) {
        NumberRecord r = require(applicationId);
        if (r.number() != null) {
            return Refusal.conflict("numbering.alreadyConfirmed", r.provisionalReference(), r.number());
        }
        String printed = CertificateNumber.parse(written).map(CertificateNumber::printed).orElse(written);
        Optional<Long> holder = repository.holderOf(printed);
        return new Refusal(409, List.of(holder.map(h -> duplicateReason(printed, h))
                .orElse(Reason.of("numbering.duplicate", printed, "?").at("number"))));
    }

    private Reason duplicateReason(String number, long holderApplicationId) {
        String ref = repository.find(holderApplicationId).map(NumberRecord::caseReference).orElse(String.valueOf(holderApplicationId));
        return Reason.of("numbering.duplicate", number, ref).at("number");
    }

    static List<ImportLine> importLines(String csv) {
        if (csv == null || csv.isBlank()) {
            throw Refusal.badRequest(List.of(Reason.of("numbering.import.empty").at("file")));
        }
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        String[] raw = text.split("\r?\n", -1);
        List<ImportLine> out = new ArrayList<>();
        List<Reason> problems = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isBlank()) {
                continue;
            }
            List<String> cells = Csv.cells(raw[i]);
            String first = cells.get(0).strip();
            if (i == 0 && !first.toUpperCase(java.util.Locale.ROOT).startsWith("REQ-")) {
                continue; // header line
            }
            if (cells.size() != 2) {
                problems.add(Reason.of("numbering.import.columns", i + 1, cells.size()).at("file"));
                continue;
            }
            out.add(new ImportLine(i + 1, first, cells.get(1).strip()));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        if (out.isEmpty()) {
            throw Refusal.badRequest(List.of(Reason.of("numbering.import.empty").at("file")));
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Logged when a local serial was taken but not used (never expected: the counter moves in the number's transaction). */
    static void logGap(String scheme, int year, int serial, String why) {
        log.warn("local certificate number serial {} of {}/{} not used: {}", serial, scheme, year, why);
    }
}
