package cn.cfp.body;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Component;

/**
 * Signs a PDF with the body's key as a PAdES baseline signature (ETSI.CAdES.detached: a CMS signature over the byte
 * range with the ESS signing-certificate-v2 attribute), so any PDF reader shows who issued the document and that it is
 * unchanged since (R-CERT-1). PDFBox writes the signature dictionary and saves incrementally; Bouncy Castle builds the
 * CMS structure.
 */
@Component
public class PdfSigner {

    private final BodyKeys keys;
    private final BodyIdentity body;
    private final Clock clock;

    PdfSigner(BodyKeys keys, BodyIdentity body, Clock clock) {
        this.keys = keys;
        this.body = body;
        this.clock = clock;
    }

    /** Returns {@code pdf} with the body's signature added (reason e.g. "认证证书签发", location the body's address). */
    public byte[] sign(byte[] pdf, String reason) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(body.name());
            signature.setLocation(body.address());
            signature.setReason(reason);
            Calendar now = Calendar.getInstance(TimeZone.getTimeZone("Asia/Shanghai"));
            now.setTimeInMillis(clock.millis());
            signature.setSignDate(now);
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE);
            doc.addSignature(signature, this::cms, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16_384);
            doc.saveIncremental(out);
            options.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sign the PDF", e);
        }
    }

    /** One signature found in a PDF: who signed, whether the signed bytes are intact, and whether it covers the whole file. */
    public record SignatureCheck(String signer, String subFilter, boolean intact, boolean coversWholeFile, Calendar signedOn) {
    }

    /**
     * Checks every signature of a PDF as a reader does: the CMS signature over the signed byte range verifies with the
     * signer certificate it carries, and the last signature covers the file to its end (nothing appended after it).
     */
    public static List<SignatureCheck> verify(byte[] pdf) {
        List<SignatureCheck> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDSignature sig : doc.getSignatureDictionaries()) {
                int[] range = sig.getByteRange();
                byte[] signed = sig.getSignedContent(pdf);
                // the /Contents hex string is zero-padded to its reserved size: read the one DER object it holds
                byte[] contents;
                try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(sig.getContents(pdf))) {
                    contents = in.readObject().getEncoded();
                }
                org.bouncycastle.cms.CMSSignedData cms = new org.bouncycastle.cms.CMSSignedData(new CMSProcessableByteArray(signed), contents);
                boolean intact = false;
                String signer = null;
                for (org.bouncycastle.cms.SignerInformation si : cms.getSignerInfos().getSigners()) {
                    @SuppressWarnings("unchecked")
                    var matches = cms.getCertificates().getMatches(si.getSID());
                    for (Object holder : matches) {
                        X509Certificate cert = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
                                .getCertificate((org.bouncycastle.cert.X509CertificateHolder) holder);
                        signer = cert.getSubjectX500Principal().getName();
                        intact = si.verify(new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder().build(cert));
                    }
                }
                boolean whole = range.length == 4 && range[0] == 0 && (long) range[2] + range[3] == pdf.length;
                out.add(new SignatureCheck(signer, sig.getSubFilter(), intact, whole, sig.getSignDate()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PDF", e);
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            return List.of(new SignatureCheck(e.toString(), null, false, false, null));
        }
    }

    private byte[] cms(InputStream content) throws IOException {
        try {
            X509Certificate signer = keys.chain().get(0);
            byte[] certHash = MessageDigest.getInstance("SHA-256").digest(signer.getEncoded());
            ASN1EncodableVector attrs = new ASN1EncodableVector();
            attrs.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[]{new ESSCertIDv2(certHash)}))));
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attrs)))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.signingKey()), signer));
            List<X509Certificate> chain = new ArrayList<>(keys.chain());
            gen.addCertificates(new JcaCertStore(chain));
            return gen.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("cannot build the CMS signature: " + e.getMessage(), e);
        }
    }
}
