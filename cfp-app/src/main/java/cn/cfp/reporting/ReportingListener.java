package cn.cfp.reporting;

import cn.cfp.certificate.CertificateEvents;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The certificate module's events become report items (after its transaction committed, in one of their own). */
@Component
class ReportingListener {

    private final CncaReporting reporting;

    ReportingListener(CncaReporting reporting) {
        this.reporting = reporting;
    }

    @ApplicationModuleListener
    void on(CertificateEvents.Issued e) {
        reporting.record(e);
    }

    @ApplicationModuleListener
    void on(CertificateEvents.StatusChanged e) {
        reporting.record(e);
    }
}
