package cn.cfp.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.body.BodyKeys;
import cn.cfp.label.internal.LabelLayout;
import cn.cfp.shared.Refusal;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The label and its signed QR code [R-LBL-1, R-X-4, decision D6]: payload round trip and tampering, the PNG read back
 * with ZXing, the SVG, the CICC rounding [004 §10.6], the well-known keys, the public check page and API, and
 * {@code ./cfp verify-label} as a subprocess.
 */
@CfpIntegrationTest
class LabelTest {

    static final String NUMBER = "CFP-0123-2026-101-0001";
    static final LocalDate UNTIL = LocalDate.of(2028, 12, 3);

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Labels labels;
    @Autowired
    QrPayloads payloads;
    @Autowired
    BodyKeys keys;
    @Autowired
    LabelChecks checks;
    @Autowired
    Clock clock;
    @Autowired
    cn.cfp.body.BodyIdentity body;
    @Autowired
    org.springframework.context.MessageSource messages;

    @TempDir
    Path tmp;

    TestHttp http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
    }

    /** NUMBER in the public registry, valid until UNTIL (once; the registry ignores a second delivery). */
    void inRegistry() {
        cn.cfp.registry.RegistryFixture registry = new cn.cfp.registry.RegistryFixture(context);
        cn.cfp.certificate.PublicCertificate c = registry.certificate(NUMBER, "CNCA-CFP-00", "标识测试企业", "电机", 730);
        registry.issue(new cn.cfp.certificate.PublicCertificate(c.number(), c.schemeCode(), 1, c.holderName(), c.holderAddress(),
                c.manufacturerName(), c.manufacturerAddress(), c.factoryName(), c.factoryAddress(), c.unit(), c.products(),
                c.functionalUnit(), c.systemBoundary(), c.dataFrom(), c.dataTo(), c.basis(), c.mode(), c.firstIssuedOn(),
                c.issuedOn(), null, UNTIL, c.bodyName(), c.bodyAddress(), c.url(), null, null));
    }

    LabelContent national() {
        return labels.content("CNCA-CFP-00", NUMBER, new BigDecimal("18.5"), "kgCO2e", "件", UNTIL);
    }

    // ------------------------------------------------------------------ payload

    /** R-X-4: the payload is the public URL plus the signed fields; parse(encode(c)) gives them back and verifies. */
    @Test
    void payload_round_trip_R_X_4() {
        LabelContent c = national();
        assertThat(c.url()).isEqualTo("http://localhost:8080/c/" + NUMBER).isEqualTo(body.certificateUrl(NUMBER));
        QrPayload p = payloads.encode(c);
        assertThat(p.text()).startsWith("http://localhost:8080/c/" + NUMBER + "#v=1&f=18.5&u=kgCO2e&e=2028-12-03&k=" + keys.keyId() + "&s=");
        assertThat(p.signedText()).isEqualTo("CFP-LABEL-1|CFP-0123-2026-101-0001|18.5|kgCO2e|2028-12-03");
        QrPayload back = QrPayloads.parse(p.text());
        assertThat(back).isEqualTo(p);
        assertThat(back.number()).isEqualTo(NUMBER);
        assertThat(back.value()).isEqualTo("18.5");
        assertThat(back.unit()).isEqualTo("kgCO2e");
        assertThat(back.validUntil()).isEqualTo(UNTIL);
        assertThat(back.signature()).hasSize(64);
        assertThat(payloads.verify(back)).isTrue();
        assertThat(QrPayloads.verify(back, keys.published())).isTrue();
        // the signature is an ordinary ES256 (P1363) signature over the documented text: checked with the JDK alone
        assertThat(BodyKeys.verify(keys.published().get(0), "CFP-LABEL-1|CFP-0123-2026-101-0001|18.5|kgCO2e|2028-12-03"
                .getBytes(StandardCharsets.UTF_8), back.signature())).isTrue();
        LabelCheck check = checks.check(p.text());
        assertThat(check.genuine()).isTrue();
        assertThat(check.reason()).isNull();
    }

    /** R-X-4: a changed value, number or date, or a signature of another key, is not genuine. */
    @Test
    void a_changed_field_or_another_key_is_not_genuine_R_X_4() throws Exception {
        String good = payloads.encode(national()).text();
        String value = good.replace("&f=18.5&", "&f=17.5&");
        String number = good.replace("/c/" + NUMBER + "#", "/c/CFP-0123-2026-101-0002#");
        String date = good.replace("&e=2028-12-03&", "&e=2029-12-03&");
        String unit = good.replace("&u=kgCO2e&", "&u=gCO2e&");
        for (String tampered : List.of(value, number, date, unit)) {
            assertThat(tampered).isNotEqualTo(good);
            QrPayload p = QrPayloads.parse(tampered);
            assertThat(payloads.verify(p)).as(tampered).isFalse();
            LabelCheck c = checks.check(tampered);
            assertThat(c.genuine()).isFalse();
            assertThat(c.reason().code()).isEqualTo("label.check.badSignature");
            assertThat(c.online()).isEqualTo(LabelCheck.Online.NOT_ASKED);
        }
        // another P-256 key signs the same text under the body's key id: the body's key does not verify it
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair other = g.generateKeyPair();
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initSign(other.getPrivate());
        s.update("CFP-LABEL-1|CFP-0123-2026-101-0001|18.5|kgCO2e|2028-12-03".getBytes(StandardCharsets.UTF_8));
        String forged = good.substring(0, good.indexOf("&s=") + 3) + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        assertThat(checks.check(forged).genuine()).isFalse();
        assertThat(checks.check(forged).reason().code()).isEqualTo("label.check.badSignature");
        // ... and under its own key id the key is not one the body publishes
        String unknownKid = forged.replace("&k=" + keys.keyId() + "&", "&k=00112233aabbccdd&");
        assertThat(checks.check(unknownKid).reason().code()).isEqualTo("label.check.unknownKey");
        // with that key published the forged signature would verify: proof that the key, not the text, decides
        BodyKeys.PublishedKey otherPublished = new BodyKeys.PublishedKey("00112233aabbccdd", "ES256",
                Base64.getEncoder().encodeToString(other.getPublic().getEncoded()), Instant.EPOCH, Instant.EPOCH, "other");
        assertThat(QrPayloads.verify(QrPayloads.parse(unknownKid), List.of(otherPublished))).isTrue();
        assertThat(QrPayloads.verify(QrPayloads.parse(unknownKid), keys.published())).isFalse();
        // a genuine signature moved under another address is refused too
        String moved = good.replace("http://localhost:8080/c/", "https://evil.example/c/");
        assertThat(payloads.verify(QrPayloads.parse(moved))).isTrue();
        assertThat(checks.check(moved).genuine()).isFalse();
        assertThat(checks.check(moved).reason().code()).isEqualTo("label.check.foreignUrl");
    }

    @Test
    void malformed_payloads_are_refused_with_a_reason_code_R_X_4() {
        String good = payloads.encode(national()).text();
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("", "label.payload.empty");
        cases.put("http://localhost:8080/c/" + NUMBER, "label.payload.noSignature");
        cases.put(good.replace("&s=", "&x=1&s="), "label.payload.unknownField");
        cases.put(good.replace("&k=", "&f=1&k="), "label.payload.repeatedField");
        cases.put(good.substring(0, good.indexOf("&s=")), "label.payload.missingField");
        cases.put(good.replace("#v=1&", "#v=2&"), "label.payload.version");
        cases.put(good.replace("&f=18.5&", "&f=1e3&"), "label.payload.badValue");
        cases.put(good.replace("&u=kgCO2e&", "&u=kg&"), "label.payload.badUnit");
        cases.put(good.replace("&e=2028-12-03&", "&e=2028-13-03&"), "label.payload.badDate");
        cases.put(good.substring(0, good.indexOf("&s=") + 3) + "AAAA", "label.payload.badSignature");
        cases.put(good.replace("http://localhost:8080/c/", "ftp://localhost/c/"), "label.payload.badUrl");
        cases.put(good.replace("http://localhost:8080/c/", "http://localhost:8080/x/"), "label.payload.badUrl");
        cases.put(good.replace(" ", "") + " x", "label.payload.badCharacter");
        cases.put("x".repeat(2000), "label.payload.tooLong");
        cases.forEach((text, code) -> assertThatThrownBy(() -> QrPayloads.parse(text)).as(text)
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(r.reasons().get(0).code()).isEqualTo(code);
                }));
    }

    // ------------------------------------------------------------------ rendering

    static String decode(byte[] png) throws Exception {
        // the module's own reader (the verify-label page and command use it): ZXing with its retries
        return cn.cfp.label.internal.QrImages.decode(png).orElseThrow(() -> new AssertionError("no QR code found in the label"));
    }

    /** R-LBL-1: the PNG at 300 dpi, 30 mm wide, scans back to a payload with the same fields and a valid signature. */
    @Test
    void png_at_300_dpi_decodes_to_a_genuine_payload_R_LBL_1() throws Exception {
        LabelContent c = national();
        byte[] png = labels.png(c, 30, 300);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo(354);           // 30 mm / 25.4 × 300
        assertThat(img.getHeight()).isEqualTo(566);          // × 160 / 100, rounded
        QrPayload p = QrPayloads.parse(decode(png));
        assertSameFields(p, payloads.encode(c));
        assertThat(payloads.verify(p)).isTrue();
        // mainly green: the background colour at the left edge, between the graphic and the QR code
        assertThat(img.getRGB(10, 200) & 0xFFFFFF).isEqualTo(0x1B8A4B);
    }

    /** R-LBL-1, 004 §10.6: at CICC's minimum (10 mm wide, 16 mm high ≥ 15 mm) the label scans at 600 dpi. */
    @Test
    void png_at_the_cicc_minimum_size_decodes_and_smaller_is_refused_R_LBL_1() throws Exception {
        LabelContent c = labels.content("CICC-ZY-GZ-20", NUMBER, new BigDecimal("18.5"), "kgCO2e", "件", UNTIL);
        byte[] png = labels.png(c, 10, 600);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo(236);
        QrPayload p = QrPayloads.parse(decode(png));
        assertSameFields(p, payloads.encode(c));
        assertThat(p.value()).isEqualTo("19");
        assertThat(payloads.verify(p)).isTrue();
        assertThat(Labels.heightMm(10)).isEqualTo(16.0).isGreaterThanOrEqualTo(15);
        assertThatThrownBy(() -> labels.png(c, 9.5, 600)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reasons().get(0).code()).isEqualTo("label.png.tooSmall"));
        // at 300 dpi a 10 mm label's QR modules would be 1 px: refused in words with the resolution that works
        assertThatThrownBy(() -> labels.png(c, 10, 300)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reasons().get(0).code()).isEqualTo("label.png.qrTooSmall"));
        assertThatThrownBy(() -> labels.png(c, 30, 5000)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reasons().get(0).code()).isEqualTo("label.png.dpi"));
        // 000 states no minimum: 9.5 mm is allowed there
        assertThat(labels.png(national(), 9.5, 1200)).isNotEmpty();
    }

    /** R-LBL-1, D6: the SVG is well-formed, shows 18.5 and kgCO2e, is green, and has the PNG's aspect ratio. */
    @Test
    void svg_is_well_formed_green_with_the_value_and_the_png_aspect_R_LBL_1() throws Exception {
        String svg = labels.svg(national());
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        String[] vb = root.getAttribute("viewBox").split(" ");
        double aspect = Double.parseDouble(vb[2]) / Double.parseDouble(vb[3]);
        assertThat(aspect).isEqualTo(100.0 / 160.0);
        assertThat(root.getAttribute("preserveAspectRatio")).isEqualTo("xMidYMid meet");
        NodeList texts = root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> shown = new java.util.ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            shown.add(texts.item(i).getTextContent());
        }
        assertThat(shown).containsExactly("产品碳足迹", "18.5", "kgCO2e/件");
        assertThat(svg).contains("fill=\"" + LabelLayout.GREEN + "\"").contains("id=\"footprint\"").contains("id=\"qr\"");
        // the QR code lies below the value
        assertThat(svg.indexOf("id=\"qr\"")).isGreaterThan(svg.indexOf(">18.5<"));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(labels.png(national(), 30, 600)));
        assertThat((double) png.getWidth() / png.getHeight()).isCloseTo(aspect, org.assertj.core.data.Offset.offset(1.0 / png.getHeight()));
        // a body mark scheme (CEC) shows the placeholder, not the national footprint graphic
        String cec = labels.svg(labels.content("CEC-FURNITURE", NUMBER, new BigDecimal("0.0185"), "tCO2e", "件", UNTIL));
        assertThat(cec).contains("id=\"body-mark-placeholder\"").doesNotContain("id=\"footprint\"").contains(">0.0185<");
    }

    static void assertSameFields(QrPayload a, QrPayload b) {
        assertThat(a.url()).isEqualTo(b.url());
        assertThat(a.number()).isEqualTo(b.number());
        assertThat(a.value()).isEqualTo(b.value());
        assertThat(a.unit()).isEqualTo(b.unit());
        assertThat(a.validUntil()).isEqualTo(b.validUntil());
        assertThat(a.keyId()).isEqualTo(b.keyId());
    }

    // ------------------------------------------------------------------ CICC rounding

    /**
     * 004 §10.6 by hand: 18.5 kg > 10 kg — "the same principle": (10 kg, 20 kg] rounds to 1 kg → 19 kg; 1.234 kg in
     * (1 kg, 2 kg] to 0.1 kg → 1.2 kg; 347 g in (200 g, 400 g] to 20 g → 340 g (350 g is not a multiple of 20 g);
     * 33 g in (20 g, 40 g] to 2 g → 34 g; 7.3 g ≤ 10 g, not in the table: our decision continues it downwards
     * ((4 g, 10 g] to 0.5 g) → 7.5 g, recorded as outside the table.
     */
    @Test
    void cicc_label_values_are_rounded_by_its_table_and_no_other_scheme_rounds_R_CALC_12() {
        assertRounded("18.5", "kgCO2e", "19", "kgCO2e", true, true);
        assertRounded("1.234", "kgCO2e", "1.2", "kgCO2e", true, false);
        assertRounded("0.347", "kgCO2e", "340", "gCO2e", true, false);
        assertRounded("0.033", "kgCO2e", "34", "gCO2e", true, false);
        assertRounded("0.0073", "kgCO2e", "7.5", "gCO2e", true, true);
        assertRounded("10.0", "kgCO2e", "10.0", "kgCO2e", true, false);  // step 0.5 kg: one decimal
        assertRounded("0.0185", "tCO2e", "19", "kgCO2e", true, true);
        // the system's choice for values outside the table is recorded and can be shown in words
        LabelContent small = labels.content("CICC-ZY-GZ-20", NUMBER, new BigDecimal("0.0073"), "kgCO2e", "件", UNTIL);
        assertThat(small.rounding().messageKey()).isEqualTo("label.rounding.outsideTable");
        assertThat(messages.getMessage(small.rounding().messageKey(), small.rounding().messageArgs(small), java.util.Locale.CHINA))
                .contains("0.0073 kgCO2e").contains("→ 7.5 gCO2e").contains("修约间隔 0.5 g").contains("004 §10.6");
        for (String other : List.of("CNCA-CFP-00", "CNEX-01-G", "CEC-FURNITURE", "CGC-R52003")) {
            LabelContent c = labels.content(other, NUMBER, new BigDecimal("0.347"), "kgCO2e", "件", UNTIL);
            assertThat(c.value()).as(other).isEqualByComparingTo("0.347");
            assertThat(c.valueText()).isEqualTo("0.347");
            assertThat(c.unit()).isEqualTo("kgCO2e");
            assertThat(c.rounding()).isNull();
        }
    }

    void assertRounded(String value, String unit, String shown, String shownUnit, boolean unused, boolean outside) {
        LabelContent c = labels.content("CICC-ZY-GZ-20", NUMBER, new BigDecimal(value), unit, "件", UNTIL);
        assertThat(c.valueText()).as(value + " " + unit).isEqualTo(shown);
        assertThat(c.unit()).as(value + " " + unit).isEqualTo(shownUnit);
        assertThat(c.rounding().certifiedValue()).isEqualByComparingTo(value);
        assertThat(c.rounding().outsideTable()).as(value + " outside").isEqualTo(outside);
        assertThat(c.rounding().table()).contains("004 §10.6");
    }

    // ------------------------------------------------------------------ HTTP

    /** R-X-4: the keys at the well-known URL, anonymous, cacheable. */
    @Test
    void the_keys_are_published_at_the_well_known_url_R_X_4() {
        HttpResponse<String> r = http.send("GET", "/.well-known/cfp-label-keys.json", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("max-age=3600").contains("public");
        JsonNode k = json.readTree(r.body()).get("keys").get(0);
        assertThat(k.get("kid").asString()).isEqualTo(keys.keyId());
        assertThat(k.get("alg").asString()).isEqualTo("ES256");
        assertThat(k.get("key").asString()).isEqualTo(keys.published().get(0).publicKey());
        assertThat(Instant.parse(k.get("notAfter").asString())).isAfter(Instant.now(clock));
    }

    /** R-X-4: the public page reads an uploaded PNG and says the label is genuine; a changed payload is not. */
    @Test
    void the_verify_page_reads_an_uploaded_png_R_X_4() throws Exception {
        // the registry knows the certificate (published as the certificate module does), so the online half says valid
        inRegistry();
        byte[] png = labels.png(national(), 30, 300);
        var form = new TestHttp.Multipart().field("_form", "label-photo-form").field("_page", "/verify-label").file("photo", "label.png", png);
        HttpResponse<String> posted = http.send("POST", "/verify-label", null, form.contentType(), form.body());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        HttpResponse<String> page = http.follow(posted, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-genuine=\"true\"").contains("标识是真的").contains(NUMBER).contains("18.5 kgCO2e")
                .contains("2028-12-03");
        // in English
        String good = payloads.encode(national()).text();
        HttpResponse<String> en = http.send("GET", "/verify-label?lang=en&payload=" + URLEncoder.encode(good, StandardCharsets.UTF_8), null);
        assertThat(en.body()).contains("The label is genuine").doesNotContain("标识是真的");
        // a changed value: not genuine, in words
        String bad = good.replace("&f=18.5&", "&f=1.5&");
        HttpResponse<String> no = http.send("GET", "/verify-label?payload=" + URLEncoder.encode(bad, StandardCharsets.UTF_8), null);
        assertThat(no.body()).contains("data-genuine=\"false\"").contains("标识不是真的").contains("签名与二维码中的证书编号");
        // not a picture: back to the page with the reason beside the field
        var text = new TestHttp.Multipart().field("_form", "label-photo-form").field("_page", "/verify-label")
                .file("photo", "label.png", "hello".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = http.send("POST", "/verify-label", null, text.contentType(), text.body());
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(http.follow(refused, null).body()).contains("只接受 PNG 或 JPEG 照片");
        // larger than 5 MB (a PNG by its first bytes): refused by its size
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(png, 0, big, 0, 8);
        var large = new TestHttp.Multipart().field("_form", "label-photo-form").field("_page", "/verify-label").file("photo", "big.png", big);
        HttpResponse<String> tooLarge = http.send("POST", "/verify-label", null, large.contentType(), large.body());
        assertThat(tooLarge.statusCode()).isEqualTo(303);
        assertThat(http.follow(tooLarge, null).body()).contains("照片过大").contains("最大 5 MB");
        // a picture without a QR code
        ByteArrayOutputStream blank = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB), "png", blank);
        var none = new TestHttp.Multipart().field("_form", "label-photo-form").field("_page", "/verify-label")
                .file("photo", "blank.png", blank.toByteArray());
        HttpResponse<String> noQr = http.send("POST", "/verify-label", null, none.contentType(), none.body());
        assertThat(http.follow(noQr, null).body()).contains("照片中没有找到可识别的二维码");
    }

    /** R-X-4: the JSON check; malformed payloads are 400 with the reason code. */
    @Test
    void the_json_check_R_X_4() {
        String good = payloads.encode(national()).text();
        HttpResponse<String> r = http.send("GET", "/api/public/labels/verify?payload=" + URLEncoder.encode(good, StandardCharsets.UTF_8), null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode n = json.readTree(r.body());
        assertThat(n.get("genuine").asBoolean()).isTrue();
        assertThat(n.get("number").asString()).isEqualTo(NUMBER);
        assertThat(n.get("value").asString()).isEqualTo("18.5");
        assertThat(n.get("unit").asString()).isEqualTo("kgCO2e");
        assertThat(n.get("validUntil").asString()).isEqualTo("2028-12-03");
        // the registry answers the online half: FOUND once another test published the number, else NOT_FOUND
        assertThat(n.get("online").asString())
                .isEqualTo(context.getBean(cn.cfp.registry.Registry.class).find(NUMBER).isPresent() ? "FOUND" : "NOT_FOUND");
        HttpResponse<String> bad = http.send("GET", "/api/public/labels/verify?payload=" + URLEncoder.encode("http://x/c/A", StandardCharsets.UTF_8), null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("errors").get(0).get("code").asString()).isEqualTo("label.payload.noSignature");
    }

    /** R-X-4: online, the registry's answer decides whether a genuine label may still be used. */
    @Test
    void online_status_comes_from_the_registry_lookup_R_X_4() {
        String good = payloads.encode(national()).text();
        LabelCheck valid = withLookup(n -> Optional.of(new CertificateStatusLookup.Status("VALID", true, UNTIL))).check(good);
        assertThat(valid.online()).isEqualTo(LabelCheck.Online.FOUND);
        assertThat(valid.currentlyValid()).isTrue();
        LabelCheck suspended = withLookup(n -> Optional.of(new CertificateStatusLookup.Status("SUSPENDED", false, UNTIL))).check(good);
        assertThat(suspended.genuine()).isTrue();
        assertThat(suspended.currentlyValid()).isFalse();
        LabelCheck failing = withLookup(n -> {
            throw new IllegalStateException("registry down");
        }).check(good);
        assertThat(failing.genuine()).isTrue();
        assertThat(failing.online()).isEqualTo(LabelCheck.Online.UNAVAILABLE);
        LabelCheck unknown = withLookup(n -> Optional.empty()).check(good);
        assertThat(unknown.online()).isEqualTo(LabelCheck.Online.NOT_FOUND);
        LabelCheck none = new LabelChecks(keys, body, new DefaultListableBeanFactory().getBeanProvider(CertificateStatusLookup.class), clock)
                .check(good);
        assertThat(none.online()).isEqualTo(LabelCheck.Online.UNAVAILABLE);
    }

    LabelChecks withLookup(CertificateStatusLookup lookup) {
        DefaultListableBeanFactory f = new DefaultListableBeanFactory();
        f.registerSingleton("lookup", lookup);
        return new LabelChecks(keys, body, f.getBeanProvider(CertificateStatusLookup.class), clock);
    }

    // ------------------------------------------------------------------ the command line

    /** R-X-4: ./cfp verify-label on a PNG with a keys file: GENUINE, exit 0; a changed payload NOT GENUINE, exit 1. */
    @Test
    void the_command_line_checks_a_png_offline_R_X_4() throws Exception {
        Path png = tmp.resolve("label.png");
        Files.write(png, labels.png(national(), 30, 300));
        Path keyFile = tmp.resolve("keys.json");
        Files.writeString(keyFile, http.send("GET", "/.well-known/cfp-label-keys.json", null).body());
        Cli ok = cli(png.toString(), "--keys", keyFile.toString());
        assertThat(ok.exit()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("GENUINE: signed by the body's key " + keys.keyId()).contains("number:      " + NUMBER)
                .contains("value:       18.5 kgCO2e").contains("valid until: 2028-12-03");
        String tampered = payloads.encode(national()).text().replace("&f=18.5&", "&f=8.5&");
        Cli bad = cli(tampered, "--keys", http.base() + "/.well-known/cfp-label-keys.json");
        assertThat(bad.exit()).as(bad.out()).isEqualTo(1);
        assertThat(bad.out()).contains("NOT GENUINE").contains("value:       8.5 kgCO2e");
        Cli unreadable = cli("not a payload", "--keys", keyFile.toString());
        assertThat(unreadable.exit()).as(unreadable.out()).isEqualTo(2);
        assertThat(unreadable.out()).contains("UNREADABLE");
        Cli online = cli(payloads.encode(national()).text(), "--keys", keyFile.toString(), "--online", http.base());
        assertThat(online.exit()).as(online.out()).isZero();
        assertThat(online.out()).contains("registry:");
    }

    record Cli(int exit, String out) {
    }

    Cli cli(String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new java.util.ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "cn.cfp.label.internal.VerifyLabelCommand"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Cli(p.exitValue(), out);
    }
}
