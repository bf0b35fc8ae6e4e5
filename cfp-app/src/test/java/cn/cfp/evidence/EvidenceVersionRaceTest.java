package cn.cfp.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.Messages;
import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.audit.AuditTrail;
import cn.cfp.party.Organisations;
import cn.cfp.shared.Refusal;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two uploads of the same document at the same moment both compute the same next version; the unique key lets only
 * one of them be stored as it, and the other is refused with words (409) instead of failing with a database error.
 */
@CfpIntegrationTest
class EvidenceVersionRaceTest {

    static final byte[] PDF = "%PDF-1.4\nrace\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail audit;
    @Autowired
    Clock clock;
    @Autowired
    Organisations organisations;
    @Autowired
    EvidenceStore store;
    @Value("${cfp.data-dir}")
    Path dataDir;
    @Value("${cfp.evidence.max-bytes}")
    long maxBytes;

    @Test
    void the_upload_that_loses_the_race_for_a_version_is_refused_with_409_and_nothing_of_it_is_recorded() {
        Actor staff = new Actor(1, "race-tester", "Race", Set.of(Role.ADMIN), null);
        long org = organisations.findByName("南阳华安防爆电机有限公司（演示）").orElseThrow().id();
        String name = "race " + UUID.randomUUID();
        EvidenceFile first = store.store(staff, org, "RACE-1", name, "a.pdf", new ByteArrayInputStream(PDF));
        assertThat(first.version()).isEqualTo(1);

        // the other upload read the highest version before the first one was stored
        EvidenceRepository late = new EvidenceRepository(jdbc) {
            @Override
            int nextVersion(long organisationId, String caseRef, String logicalName) {
                return super.nextVersion(organisationId, caseRef, logicalName) - 1;
            }
        };
        EvidenceStore racing = new EvidenceStore(late, audit, clock, dataDir, maxBytes);
        assertThatThrownBy(() -> racing.store(staff, org, "RACE-1", name, "b.pdf", new ByteArrayInputStream(PDF)))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(Messages.codes(r)).containsExactly("evidence.versionTaken");
                    assertThat(Messages.english(r)).containsExactly("Version 1 of '" + name
                            + "' was just uploaded by someone else; upload your file again to store it as the next version");
                });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_file WHERE logical_name = :n").param("n", name).query(Integer.class).single())
                .isEqualTo(1);

        // uploading again stores the next version
        assertThat(store.store(staff, org, "RACE-1", name, "b.pdf", new ByteArrayInputStream(PDF)).version()).isEqualTo(2);
    }
}
