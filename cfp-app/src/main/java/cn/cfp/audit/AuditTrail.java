package cn.cfp.audit;

import cn.cfp.shared.Hashes;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Reason;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Append-only, hash-chained audit log (R-REC-1).
 *
 * <p>Each record's hash covers its sequence number, time, actor, action, target, the SHA-256 of
 * its details and the previous record's hash. Appends run in the caller's transaction (so an
 * action and its record commit or roll back together) and lock the single {@code audit_head}
 * row, so records are chained in one order even with concurrent writers or several app nodes.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);

    private final AuditRepository repository;
    private final AuditCheckpoints checkpoints;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditTrail(AuditRepository repository, AuditCheckpoints checkpoints, Clock clock) {
        this.repository = repository;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public AuditRecord record(String actor, String action, String target, Map<String, ?> details) {
        String canonical = json.writeValueAsString(new TreeMap<>(details));
        AuditRepository.Head head = repository.lockHead();
        long seq = head.lastSeq() + 1;
        String prev = head.lastHash();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String detailsHash = Hashes.sha256Hex(canonical);
        String hash = chainHash(seq, at, actor, action, target, detailsHash, prev);
        AuditRecord record = new AuditRecord(seq, at, actor, action, target, canonical, detailsHash, prev, hash);
        repository.append(record);
        return record;
    }

    static String chainHash(long seq, Instant at, String actor, String action, String target,
                            String detailsHash, String prevHash) {
        return Hashes.sha256Hex(seq + "\n" + at + "\n" + actor + "\n" + action + "\n" + target + "\n"
                + detailsHash + "\n" + prevHash);
    }

    /**
     * Walks the whole chain in sequence order and names the first record that does not fit; then checks that the
     * head row names the last record and that the chain still holds the latest valid checkpoint (issue 8 item 4):
     * records deleted from the end, even with the head moved back, are reported as missing after the checkpoint.
     * A checkpoint line that does not verify is reported too.
     */
    @Transactional(readOnly = true)
    public ChainVerdict verify() {
        CheckpointFile.Reading checkpoints = this.checkpoints.read();
        Checkpoint cp = checkpoints.latest().orElse(null);
        long[] expected = {1};
        String[] prev = {GENESIS};
        String[] atCheckpoint = {null};
        ChainVerdict[] verdict = {null};
        repository.inOrder(r -> {
            long checked = expected[0] - 1;
            if (r.seq() != expected[0]) {
                verdict[0] = ChainVerdict.broken(checked, expected[0], Reason.of("audit.chain.missing", expected[0], r.seq()), cp);
            } else if (!Hashes.sha256Hex(r.details()).equals(r.detailsHash())) {
                verdict[0] = ChainVerdict.broken(checked, r.seq(), Reason.of("audit.chain.detailsEdited"), cp);
            } else if (!r.prevHash().equals(prev[0])) {
                verdict[0] = ChainVerdict.broken(checked, r.seq(), Reason.of("audit.chain.linkBroken", r.seq() - 1), cp);
            } else if (!chainHash(r.seq(), r.recordedAt(), r.actor(), r.action(), r.target(), r.detailsHash(), r.prevHash())
                    .equals(r.recordHash())) {
                verdict[0] = ChainVerdict.broken(checked, r.seq(), Reason.of("audit.chain.recordEdited"), cp);
            } else {
                prev[0] = r.recordHash();
                if (cp != null && r.seq() == cp.seq()) {
                    atCheckpoint[0] = r.recordHash();
                }
                expected[0]++;
            }
            return verdict[0] == null;
        });
        if (verdict[0] != null) {
            return verdict[0];
        }
        long count = expected[0] - 1;
        AuditRepository.Head head = repository.head();
        if (head.lastSeq() != count || !head.lastHash().equals(prev[0])) {
            return ChainVerdict.broken(count, count + 1, Reason.of("audit.chain.truncated", count, head.lastSeq()), cp);
        }
        if (cp != null && count < cp.seq()) {
            return ChainVerdict.broken(count, count + 1, Reason.of("audit.chain.missingAfterCheckpoint",
                    count + 1, cp.seq(), cp.seq() - count, shown(cp)), cp);
        }
        if (cp != null && !cp.hash().equals(atCheckpoint[0])) {
            return ChainVerdict.broken(count, cp.seq(), Reason.of("audit.chain.checkpointMismatch", cp.seq(), shown(cp)), cp);
        }
        if (!checkpoints.problems().isEmpty()) {
            return ChainVerdict.broken(count, null, checkpoints.problems().get(0), cp);
        }
        return ChainVerdict.ok(count, cp);
    }

    /** A checkpoint's time as the verdict names it (UTC, to the second, like {@link ChainVerdict#summary()}). */
    private static Instant shown(Checkpoint cp) {
        return cp.at().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Writes a checkpoint of the head now if it moved past the last one (the platform also does this every
     * {@code cfp.audit.checkpoint-interval} and at shutdown); empty when none was written.
     */
    public Optional<Checkpoint> checkpoint() {
        return checkpoints.write();
    }

    /** A page of the records the search selects (issue 8 item 15), with the number it selects in all. */
    @Transactional(readOnly = true)
    public Paging.Page<AuditRecord> search(AuditSearch search, Paging paging) {
        return repository.search(search, clock.getZone(), paging);
    }

    /** The actions that occur in the trail, in alphabetical order (the search form's choices). */
    public List<String> actions() {
        return repository.actions();
    }

    public List<AuditRecord> forTarget(String target) {
        return repository.forTarget(target);
    }
}
