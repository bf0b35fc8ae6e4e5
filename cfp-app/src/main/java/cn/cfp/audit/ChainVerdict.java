package cn.cfp.audit;

/**
 * Result of verifying the hash chain. When broken, {@code firstBadSeq} is the first record that
 * fails (or the position where a record is missing) and {@code reason} says how.
 */
public record ChainVerdict(boolean intact, long recordsChecked, Long firstBadSeq, String reason) {

    static ChainVerdict ok(long n) {
        return new ChainVerdict(true, n, null, null);
    }

    static ChainVerdict broken(long checked, long seq, String reason) {
        return new ChainVerdict(false, checked, seq, reason);
    }

    public String describe() {
        return intact ? "audit chain intact: " + recordsChecked + " records verified"
                : "audit chain BROKEN at record #" + firstBadSeq + ": " + reason;
    }
}
