package cn.cfp.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The body code of certificate numbers [000 Annex 4, R-CERT-2] and the body's signing key (R-X-4). */
class BodyKeysTest {

    @TempDir
    Path dir;

    @Test
    void bodyCodeFollowsAnnex4() {
        assertThat(BodyIdentity.bodyCode("CNCA-R-2025-123")).isEqualTo("0123");
        assertThat(BodyIdentity.bodyCode("CNCA-R-2002-1024")).isEqualTo("1024");
        assertThat(BodyIdentity.bodyCode("CNCA-RF-2019-45")).isEqualTo("F045");
        assertThat(BodyIdentity.bodyCode("CNCA-RF-2019-456")).isEqualTo("F456");
        assertThatThrownBy(() -> BodyIdentity.bodyCode("CNCA-R-2025-12")).hasMessageContaining("3 or 4");
        assertThatThrownBy(() -> BodyIdentity.bodyCode("CNCA-RF-2025-1234")).hasMessageContaining("2 or 3");
        assertThatThrownBy(() -> BodyIdentity.bodyCode("R-2025-123")).hasMessageContaining("not a CNCA approval number");
    }

    @Test
    void signsVerifiesAndKeepsItsKeyAcrossStarts() throws Exception {
        BodyIdentity body = new BodyIdentity("示例认证中心", "Demo", "北京", "Beijing", "CNCA-R-2025-123", "http://x/");
        BodyKeys keys = new BodyKeys(body, dir.toString(), "", "");
        byte[] data = "CFP01232026001000 12.5 kgCO2e 2028-12-01".getBytes(StandardCharsets.UTF_8);
        byte[] sig = keys.sign(data);
        assertThat(sig).hasSize(64);
        assertThat(keys.verify(keys.keyId(), data, sig)).isTrue();
        data[0] ^= 1;
        assertThat(keys.verify(keys.keyId(), data, sig)).isFalse();
        assertThat(keys.verify("0000000000000000", data, sig)).isFalse();
        data[0] ^= 1;
        // offline, with the published key alone
        assertThat(BodyKeys.verify(keys.published().get(0), data, sig)).isTrue();
        assertThat(keys.chain().get(0).getSubjectX500Principal().getName()).contains("示例认证中心");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys/body-signing.pass")))).isEqualTo("rw-------");

        BodyKeys again = new BodyKeys(body, dir.toString(), "", "");
        assertThat(again.keyId()).isEqualTo(keys.keyId());
        assertThat(again.verify(keys.keyId(), data, sig)).isTrue();
        assertThat(body.certificateUrl("CFP-0123-2026-001-0001")).isEqualTo("http://x/c/CFP-0123-2026-001-0001");
    }
}
