package cn.cfp.party;

import cn.cfp.audit.AuditTrail;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Client companies and the certification body (R-PTY-1), with their production sites. Storage: {@link OrganisationRepository}. */
@Service
public class Organisations {

    private final OrganisationRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    Organisations(OrganisationRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public long create(String actor, String name, String nameEn, String creditCode, Organisation.Kind kind) {
        if (name == null || name.isBlank()) {
            throw Refusal.badRequest("party.name.required");
        }
        long id = repository.insert(name.strip(), nameEn, creditCode, kind, OffsetDateTime.now(clock));
        audit.record(actor, "ORGANISATION_CREATED", "organisation:" + id,
                Map.of("name", name.strip(), "kind", kind.name(), "creditCode", String.valueOf(creditCode)));
        return id;
    }

    /**
     * Registers a client company (R-PTY-1). {@code registeredBy} is the client organisation whose user
     * registers it (a manufacturer or factory that is a different legal person from the applicant), or
     * null when the body onboards the company. A credit code is unique per registrant: a client's record of its
     * manufacturer is the client's own, whether or not the body knows that company otherwise.
     */
    @Transactional
    public long registerClient(String actor, ClientRegistration r, Long registeredBy) {
        List<Reason> problems = new ArrayList<>();
        CreditCode code = null;
        try {
            code = new CreditCode(r.creditCode());
        } catch (Refusal e) {
            problems.addAll(e.reasons());
        }
        if (r.name() == null || r.name().isBlank()) {
            problems.add(Reason.of("party.name.required").at("name"));
        }
        if (r.address() == null || r.address().isBlank()) {
            problems.add(Reason.of("party.address.required").at("address"));
        }
        if (r.legalRepresentative() == null || r.legalRepresentative().isBlank()) {
            problems.add(Reason.of("party.legalRepresentative.required").at("legalRepresentative"));
        }
        if (r.contactName() == null || r.contactName().isBlank() || r.contactPhone() == null || r.contactPhone().isBlank()) {
            problems.add(Reason.of("party.contact.required").at("contactName"));
        }
        // Only the registrant's own records are looked at: a client is never told that a company is known to the body
        // through somebody else (issue 8 item 6); the body's own onboarding checks the body's records.
        if (code != null && repository.registeredBy(code.value(), registeredBy)) {
            problems.add(Reason.of(registeredBy == null ? "party.creditCode.registered" : "party.creditCode.alreadyYours", code.value())
                    .at("creditCode"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        long id = repository.insertClient(r, code.value(), registeredBy, OffsetDateTime.now(clock));
        audit.record(actor, "CLIENT_REGISTERED", "organisation:" + id,
                Map.of("name", r.name().strip(), "creditCode", code.value(), "registeredBy", String.valueOf(registeredBy)));
        return id;
    }

    @Transactional
    public long addSite(String actor, long organisationId, String name, String address) {
        if (name == null || name.isBlank() || address == null || address.isBlank()) {
            throw Refusal.badRequest(List.of(Reason.of("party.site.required").at("name")));
        }
        find(organisationId).orElseThrow(() -> Refusal.notFound("party.organisation.notFound", organisationId));
        long id = repository.insertSite(organisationId, name.strip(), address.strip());
        audit.record(actor, "SITE_ADDED", "organisation:" + organisationId, Map.of("site", id, "name", name.strip(), "address", address.strip()));
        return id;
    }

    public List<Site> sites(long organisationId) {
        return repository.sites(organisationId);
    }

    /** The sites of several organisations at once (one query), by organisation id. */
    public Map<Long, List<Site>> sitesOf(Collection<Long> organisationIds) {
        return repository.sitesOf(organisationIds);
    }

    public Optional<Site> site(long siteId) {
        return repository.site(siteId);
    }

    /** Client companies a client organisation may name on its applications: itself and those it registered. */
    public List<Organisation> partiesOf(long clientOrgId) {
        return repository.partiesOf(clientOrgId);
    }

    public Optional<Organisation> findByCreditCode(String code) {
        return repository.findByCreditCode(code);
    }

    public List<Organisation> all() {
        return repository.all();
    }

    public Optional<Organisation> find(long id) {
        return repository.find(id);
    }

    public Optional<Organisation> findByName(String name) {
        return repository.findByName(name);
    }
}
