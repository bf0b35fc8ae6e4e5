package cn.cfp.registry;

import java.time.LocalDate;

/** One published version of a certificate: 1 at first issue, + 1 for each reissue after a change (换证). */
public record VersionEntry(int version, LocalDate issuedOn, LocalDate changedOn) {
}
