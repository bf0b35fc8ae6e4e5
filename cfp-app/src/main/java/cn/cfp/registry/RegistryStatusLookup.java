package cn.cfp.registry;

import cn.cfp.certificate.CertificateStatus;
import cn.cfp.label.CertificateStatusLookup;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The label check's online half [R-X-4, R-LBL-2]: a scanned label's certificate as the registry shows it today — the
 * same derivation as the public page (EXPIRED past the validity date), from the same cache.
 */
@Component
class RegistryStatusLookup implements CertificateStatusLookup {

    private final Registry registry;

    RegistryStatusLookup(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<Status> current(String number) {
        Optional<RegistryEntry> entry = registry.find(number).or(() -> registry.canonical(number).flatMap(registry::find));
        return entry.map(e -> new Status(e.status().name(), e.status() == CertificateStatus.VALID, e.certificate().validUntil()));
    }
}
