package cn.cfp.audit;

import cn.cfp.shared.Reason;

/**
 * Result of verifying the hash chain. When broken, {@code firstBadSeq} is the first record that
 * fails (or the position where a record is missing) and {@code reason} says how (a reason code,
 * {@code audit.chain.*}, shown in the reader's language).
 */
public record ChainVerdict(boolean intact, long recordsChecked, Long firstBadSeq, Reason reason) {

    static ChainVerdict ok(long n) {
        return new ChainVerdict(true, n, null, null);
    }

    static ChainVerdict broken(long checked, long seq, Reason reason) {
        return new ChainVerdict(false, checked, seq, reason);
    }

    /** The verdict in one sentence: {@code audit.chain.intact} or {@code audit.chain.broken} with the reason. */
    public Reason summary() {
        return intact ? Reason.of("audit.chain.intact", recordsChecked) : Reason.of("audit.chain.broken", firstBadSeq, reason);
    }
}
