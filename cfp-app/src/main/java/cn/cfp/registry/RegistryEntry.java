package cn.cfp.registry;

import cn.cfp.certificate.CertificateStatus;
import cn.cfp.certificate.PublicCertificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the public sees of one certificate [R-PUB-1]: its latest public version, where it stands today and how it got
 * there. Derived from the stored history and the day it is read for: the current status is the latest decision in
 * effect; a certificate past its validity date (valid or suspended until then) is EXPIRED from the next day on.
 *
 * @param status      the current status on {@code asOf}
 * @param statusSince the day the current status took effect
 * @param history     every status in the order recorded (the derived EXPIRED last), including decisions taking effect later
 * @param versions    the published versions, oldest first
 * @param asOf        the day this view was derived for
 */
public record RegistryEntry(PublicCertificate certificate, CertificateStatus status, LocalDate statusSince,
                            List<StatusEntry> history, List<VersionEntry> versions, LocalDate asOf) {

    public RegistryEntry {
        history = List.copyOf(history);
        versions = List.copyOf(versions);
    }

    /** Everything but VALID is told at the top of the page in red [R-PUB-1]. */
    public boolean alert() {
        return status != CertificateStatus.VALID;
    }

    public String number() {
        return certificate.number();
    }

    /**
     * The view on {@code today} from the recorded history (in recording order) [R-PUB-1]: the latest entry whose
     * effective day has come; EXPIRED when that is VALID or SUSPENDED and the validity date has passed.
     */
    static RegistryEntry derive(PublicCertificate certificate, List<StatusEntry> recorded, List<VersionEntry> versions,
                                LocalDate today) {
        StatusEntry current = null;
        for (StatusEntry s : recorded) {
            if (!s.effectiveOn().isAfter(today)) {
                current = s;
            }
        }
        CertificateStatus status = current == null ? CertificateStatus.VALID : current.status();
        LocalDate since = current == null ? certificate.issuedOn() : current.effectiveOn();
        List<StatusEntry> history = new ArrayList<>(recorded);
        LocalDate validUntil = certificate.validUntil();
        if ((status == CertificateStatus.VALID || status == CertificateStatus.SUSPENDED)
                && validUntil != null && validUntil.isBefore(today)) {
            status = CertificateStatus.EXPIRED;
            since = validUntil.plusDays(1);
            history.add(new StatusEntry(CertificateStatus.EXPIRED, null, since, null, null, null, true));
        }
        return new RegistryEntry(certificate, status, since, history, versions, today);
    }
}
