package cn.cfp.body;

import cn.cfp.shared.storage.DataDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The body's signing key: one EC P-256 key with its X.509 certificate in a PKCS#12 key store. It signs certificates
 * (PAdES: {@link #signingKey()}, {@link #chain()}) and label QR payloads ({@link #sign}, ES256 in the 64-byte
 * IEEE P1363 form). Production configures the key store its CA issued ({@code CFP_SIGNING_KEYSTORE},
 * {@code CFP_SIGNING_KEYSTORE_PASSWORD}); without one the platform makes a self-signed key on its first start in
 * {@code <data-dir>/keys/} (0600, password generated beside it), so that a quick start signs too.
 *
 * <p>Every key the store holds is published ({@link #published()}, served at a well-known URL): a label signed with
 * an older key keeps verifying after the body adds a new one; the newest key signs.
 */
@Component
public class BodyKeys {

    private static final Logger log = LoggerFactory.getLogger(BodyKeys.class);
    public static final String ALGORITHM = "ES256";
    static final String JCA_SIGNATURE = "SHA256withECDSAinP1363Format";

    /** A public key as published: its id, the algorithm and the key (X.509 SubjectPublicKeyInfo, base64). */
    public record PublishedKey(String kid, String alg, String publicKey, Instant notBefore, Instant notAfter, String subject) {
    }

    private record Entry(String kid, PrivateKey key, List<X509Certificate> chain) {
    }

    private final List<Entry> entries;

    BodyKeys(BodyIdentity body, @Value("${cfp.data-dir}") String dataDir,
             @Value("${cfp.signing.keystore:}") String keystore, @Value("${cfp.signing.keystore-password:}") String password) {
        this.entries = load(body, Path.of(dataDir).resolve("keys"), keystore, password);
    }

    /** The id of the key that signs now (the first 16 hex digits of the SHA-256 of its public key). */
    public String keyId() {
        return entries.get(0).kid();
    }

    /** Signs {@code data} with the current key: ES256, the 64-byte r‖s form. */
    public byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance(JCA_SIGNATURE);
            s.initSign(entries.get(0).key());
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the body key", e);
        }
    }

    /** Whether {@code signature} over {@code data} was made by the body's key {@code kid} (false for an unknown key). */
    public boolean verify(String kid, byte[] data, byte[] signature) {
        return published().stream().filter(k -> k.kid().equals(kid)).findFirst()
                .map(k -> verify(k, data, signature)).orElse(false);
    }

    /** Verifies with a published key alone, as an offline verifier does (no platform, no key store). */
    public static boolean verify(PublishedKey key, byte[] data, byte[] signature) {
        try {
            PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKey())));
            Signature s = Signature.getInstance(JCA_SIGNATURE);
            s.initVerify(pub);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Every key of the body, the current one first. */
    public List<PublishedKey> published() {
        return entries.stream().map(e -> {
            X509Certificate c = e.chain().get(0);
            return new PublishedKey(e.kid(), ALGORITHM, Base64.getEncoder().encodeToString(c.getPublicKey().getEncoded()),
                    c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), c.getSubjectX500Principal().getName());
        }).toList();
    }

    /** The current private key, for the PAdES signature of certificates. */
    public PrivateKey signingKey() {
        return entries.get(0).key();
    }

    /** The current key's certificate chain (the signer's certificate first). */
    public List<X509Certificate> chain() {
        return entries.get(0).chain();
    }

    static String kid(PublicKey key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ key store

    private static List<Entry> load(BodyIdentity body, Path keys, String keystore, String password) {
        boolean configured = keystore != null && !keystore.isBlank();
        Path store = configured ? Path.of(keystore) : keys.resolve("body-signing.p12");
        char[] pass;
        if (configured) {
            if (!Files.isReadable(store)) {
                throw new IllegalStateException("cfp.signing.keystore " + store + " cannot be read");
            }
            pass = password == null ? new char[0] : password.toCharArray();
        } else {
            Path passFile = keys.resolve("body-signing.pass");
            if (!Files.exists(store)) {
                create(body, store, passFile);
            }
            try {
                pass = Files.readString(passFile).strip().toCharArray();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + passFile, e);
            }
        }
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, pass);
            List<Entry> found = new ArrayList<>();
            for (String alias : Collections.list(ks.aliases())) {
                if (!ks.isKeyEntry(alias)) {
                    continue;
                }
                Certificate[] chain = ks.getCertificateChain(alias);
                List<X509Certificate> x509 = new ArrayList<>();
                for (Certificate c : chain) {
                    x509.add((X509Certificate) c);
                }
                if (!"EC".equals(x509.get(0).getPublicKey().getAlgorithm())) {
                    throw new IllegalStateException("key '" + alias + "' in " + store + " is not an EC (P-256) key");
                }
                found.add(new Entry(kid(x509.get(0).getPublicKey()), (PrivateKey) ks.getKey(alias, pass), List.copyOf(x509)));
            }
            if (found.isEmpty()) {
                throw new IllegalStateException(store + " holds no key");
            }
            found.sort(Comparator.comparing((Entry e) -> e.chain().get(0).getNotBefore()).reversed());
            return List.copyOf(found);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the signing key store " + store + ": " + e.getMessage(), e);
        }
    }

    /** Makes a self-signed P-256 key for the body (quick start and tests). */
    private static void create(BodyIdentity body, Path store, Path passFile) {
        try {
            DataDirectory.directory(store.getParent());
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String pass = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            DataDirectory.writeSecret(passFile, pass);
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = g.generateKeyPair();
            Instant now = Instant.now();
            var name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, body.name())
                    .addRDN(BCStyle.O, body.name()).addRDN(BCStyle.C, "CN").build();
            var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("body-" + kid(pair.getPublic()), pair.getPrivate(), pass.toCharArray(), new Certificate[]{cert});
            Path tmp = store.resolveSibling(store.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, pass.toCharArray());
            }
            Files.move(tmp, store, StandardCopyOption.ATOMIC_MOVE);
            DataDirectory.secureTree(store.getParent());
            log.info("made a self-signed signing key for {} in {} (configure cfp.signing.keystore for production)", body.name(), store);
        } catch (IOException | GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot make the body's signing key in " + store, e);
        }
    }

    /** The first key whose id is {@code kid}, if the body has it. */
    public Optional<PublishedKey> key(String kid) {
        return published().stream().filter(k -> k.kid().equals(kid)).findFirst();
    }
}
