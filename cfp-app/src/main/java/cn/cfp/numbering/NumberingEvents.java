package cn.cfp.numbering;

import java.time.Instant;

/** What the numbering module tells the others. */
public final class NumberingEvents {

    private NumberingEvents() {
    }

    /**
     * A case got its certificate number: CONFIRMED (entered or imported after CNCA's confirmation) or ALLOCATED (local
     * schemes). The certificate can be issued from now on [decision D2].
     */
    public record NumberAssigned(long applicationId, String number, CertificateNumbers.State state, Instant at) {
    }
}
