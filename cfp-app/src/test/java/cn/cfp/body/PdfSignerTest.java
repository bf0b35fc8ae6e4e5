package cn.cfp.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The body's PAdES signature on a PDF (R-CERT-1): a reader finds the signer and an intact byte range; a change breaks it. */
class PdfSignerTest {

    @TempDir
    Path dir;

    @Test
    void signsAndTheSignatureBreaksWhenABytesChanges() throws Exception {
        BodyIdentity body = new BodyIdentity("示例认证中心", "Demo", "北京", "Beijing", "CNCA-R-2025-123", "http://x");
        BodyKeys keys = new BodyKeys(body, dir.toString(), "", "");
        PdfSigner signer = new PdfSigner(keys, body, Clock.fixed(Instant.parse("2026-12-04T02:00:00Z"), ZoneOffset.UTC));
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            pdf = out.toByteArray();
        }
        assertThat(PdfSigner.verify(pdf)).isEmpty();
        byte[] signed = signer.sign(pdf, "认证证书签发");
        List<PdfSigner.SignatureCheck> checks = PdfSigner.verify(signed);
        assertThat(checks).hasSize(1);
        PdfSigner.SignatureCheck c = checks.get(0);
        assertThat(c.intact()).as(c.toString()).isTrue();
        assertThat(c.coversWholeFile()).isTrue();
        assertThat(c.subFilter()).isEqualTo("ETSI.CAdES.detached");
        assertThat(c.signer()).contains("示例认证中心");
        assertThat(c.signedOn().toInstant()).isEqualTo(Instant.parse("2026-12-04T02:00:00Z"));

        // one byte of the signed content changed (inside the first signed range, the PDF header's comment line)
        byte[] tampered = signed.clone();
        tampered[10] ^= 0x01;
        assertThat(PdfSigner.verify(tampered)).extracting(PdfSigner.SignatureCheck::intact).containsExactly(false);
        // bytes appended after the signature: still intact, but no longer the whole file
        byte[] appended = java.util.Arrays.copyOf(signed, signed.length + 5);
        assertThat(PdfSigner.verify(appended).get(0).coversWholeFile()).isFalse();
    }
}
