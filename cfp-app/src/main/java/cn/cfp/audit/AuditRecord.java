package cn.cfp.audit;

import java.time.Instant;

/** One entry of the audit trail as stored. */
public record AuditRecord(long seq, Instant recordedAt, String actor, String action, String target,
                          String details, String detailsHash, String prevHash, String recordHash) {
}
