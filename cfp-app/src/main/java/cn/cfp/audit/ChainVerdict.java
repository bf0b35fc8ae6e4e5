package cn.cfp.audit;

import cn.cfp.shared.Reason;
import java.time.temporal.ChronoUnit;

/**
 * Result of verifying the hash chain and its checkpoint. When broken, {@code firstBadSeq} is the first record that
 * fails (or the position where a record is missing; null when the checkpoint file itself is at fault) and
 * {@code reason} says how (a reason code, {@code audit.chain.*}, shown in the reader's language). {@code checkpoint}
 * is the latest valid checkpoint the chain was compared with, or null when there is none yet.
 */
public record ChainVerdict(boolean intact, long recordsChecked, Long firstBadSeq, Reason reason, Checkpoint checkpoint) {

    static ChainVerdict ok(long n, Checkpoint checkpoint) {
        return new ChainVerdict(true, n, null, null, checkpoint);
    }

    static ChainVerdict broken(long checked, Long seq, Reason reason, Checkpoint checkpoint) {
        return new ChainVerdict(false, checked, seq, reason, checkpoint);
    }

    /**
     * The verdict in one sentence: {@code audit.chain.intact} (or {@code intactAnchored}, naming the checkpoint), or
     * {@code audit.chain.broken} with the record and the reason ({@code brokenCheckpoints} when the checkpoint file is
     * at fault).
     */
    public Reason summary() {
        if (intact) {
            return checkpoint == null ? Reason.of("audit.chain.intact", recordsChecked)
                    : Reason.of("audit.chain.intactAnchored", recordsChecked, checkpoint.seq(), checkpoint.at().truncatedTo(ChronoUnit.SECONDS));
        }
        return firstBadSeq == null ? Reason.of("audit.chain.brokenCheckpoints", reason)
                : Reason.of("audit.chain.broken", firstBadSeq, reason);
    }
}
