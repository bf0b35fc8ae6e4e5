package cn.cfp.registry;

import cn.cfp.certificate.CertificateEvents;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The registry's only input [decision D4]: the certificate module's events, after their transaction committed, each in
 * its own transaction; the cached entry is dropped once this one committed too, so the next request reads it anew.
 */
@Component
class RegistryFeed {

    private final RegistryRepository repository;
    private final Registry registry;

    RegistryFeed(RegistryRepository repository, Registry registry) {
        this.repository = repository;
        this.registry = registry;
    }

    @ApplicationModuleListener
    void on(CertificateEvents.Issued issued) {
        repository.publish(issued.certificate(), issued.at());
        evictAfterCommit(issued.certificate().number());
    }

    @ApplicationModuleListener
    void on(CertificateEvents.StatusChanged changed) {
        repository.status(changed);
        evictAfterCommit(changed.number());
    }

    private void evictAfterCommit(String number) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    registry.evict(number);
                }
            });
        } else {
            registry.evict(number);
        }
    }
}
