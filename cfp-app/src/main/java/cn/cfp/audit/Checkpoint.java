package cn.cfp.audit;

import java.time.Instant;

/**
 * A signed note of the audit chain's head kept apart from the database (issue 8 item 4): at {@code at} the chain had
 * {@code seq} records and the last one's hash was {@code hash}. Verification compares the chain with the latest valid
 * checkpoint, so records deleted from the end (with the head moved back) or a rewritten chain are found.
 */
public record Checkpoint(long seq, String hash, Instant at) {

    /** The bytes the signature covers: a fixed label, the sequence number, the hash and the time, one a line. */
    String signedText() {
        return "cfp-audit-checkpoint/1\n" + seq + "\n" + hash + "\n" + at;
    }
}
