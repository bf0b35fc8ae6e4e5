package cn.cfp.label;

import cn.cfp.body.BodyKeys;
import cn.cfp.body.BodyKeys.PublishedKey;
import cn.cfp.shared.Refusal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The signed QR payload of a label [R-X-4]: the certificate's public URL, and in its fragment (which a phone does not
 * send: the URL opens the public page in any phone) the value, unit, validity date, key id and an ES256 signature of
 * the body's key over {@code CFP-LABEL-1|number|value|unit|validUntil}. Format and a by-hand check: {@code docs/label.md}.
 *
 * <p>{@link #parse} and {@link #verify(QrPayload, List)} are static and need no platform: the command line
 * ({@code ./cfp verify-label}) uses them with keys from the well-known URL or a file.
 */
@Component
public class QrPayloads {

    /** Longest payload accepted (the QR codes CFP makes hold about 200 characters). */
    public static final int MAX_LENGTH = 1024;
    public static final Set<String> UNITS = Set.of("gCO2e", "kgCO2e", "tCO2e");
    private static final Pattern VALUE = Pattern.compile("-?\\d{1,15}(\\.\\d{1,15})?");
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final List<String> FIELDS = List.of("v", "f", "u", "e", "k", "s");

    private final BodyKeys keys;

    QrPayloads(BodyKeys keys) {
        this.keys = keys;
    }

    /** Signs the label's content with the body's current key. */
    public QrPayload encode(LabelContent c) {
        String unit = c.unit();
        if (!UNITS.contains(unit)) {
            throw new IllegalArgumentException("a label unit is gCO2e, kgCO2e or tCO2e, was " + unit);
        }
        String signed = QrPayload.signedText(c.number(), c.valueText(), unit, c.validUntil());
        byte[] sig = keys.sign(signed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new QrPayload(c.url(), c.number(), c.valueText(), unit, c.validUntil(), keys.keyId(), sig);
    }

    /** Whether the payload's signature was made by one of the body's keys. */
    public boolean verify(QrPayload p) {
        return verify(p, keys.published());
    }

    /** Offline check: the key named by the payload among {@code published} verifies its signature. */
    public static boolean verify(QrPayload p, List<PublishedKey> published) {
        return published.stream().filter(k -> k.kid().equals(p.keyId())).findFirst()
                .map(k -> BodyKeys.verify(k, p.signedBytes(), p.signature())).orElse(false);
    }

    /** Whether {@code published} holds the key the payload names. */
    public static boolean knowsKey(QrPayload p, List<PublishedKey> published) {
        return published.stream().anyMatch(k -> k.kid().equals(p.keyId()));
    }

    /**
     * Reads a payload; refuses (400, reason codes {@code label.payload.*}) anything that is not one CFP writes. It does
     * not check the signature.
     */
    public static QrPayload parse(String text) {
        if (text == null || text.isBlank()) {
            throw Refusal.badRequest("label.payload.empty");
        }
        String t = text.strip();
        if (t.length() > MAX_LENGTH) {
            throw Refusal.badRequest("label.payload.tooLong", t.length(), MAX_LENGTH);
        }
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch <= ' ' || ch > '~') {
                throw Refusal.badRequest("label.payload.badCharacter", i + 1);
            }
        }
        int hash = t.indexOf('#');
        if (hash < 0) {
            throw Refusal.badRequest("label.payload.noSignature");
        }
        String url = t.substring(0, hash);
        String number = number(url);
        Map<String, String> f = new LinkedHashMap<>();
        for (String part : t.substring(hash + 1).split("&", -1)) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            if (eq < 0 || !FIELDS.contains(key)) {
                throw Refusal.badRequest("label.payload.unknownField", key);
            }
            if (f.put(key, part.substring(eq + 1)) != null) {
                throw Refusal.badRequest("label.payload.repeatedField", key);
            }
        }
        for (String key : FIELDS) {
            if (f.get(key) == null || f.get(key).isEmpty()) {
                throw Refusal.badRequest("label.payload.missingField", key);
            }
        }
        if (!QrPayload.VERSION.equals(f.get("v"))) {
            throw Refusal.badRequest("label.payload.version", f.get("v"), QrPayload.VERSION);
        }
        if (!VALUE.matcher(f.get("f")).matches()) {
            throw Refusal.badRequest("label.payload.badValue", f.get("f"));
        }
        if (!UNITS.contains(f.get("u"))) {
            throw Refusal.badRequest("label.payload.badUnit", f.get("u"));
        }
        LocalDate until;
        try {
            if (!DATE.matcher(f.get("e")).matches()) {
                throw new DateTimeParseException("not yyyy-MM-dd", f.get("e"), 0);
            }
            until = LocalDate.parse(f.get("e"));
        } catch (DateTimeParseException e) {
            throw Refusal.badRequest("label.payload.badDate", f.get("e"));
        }
        if (!KID.matcher(f.get("k")).matches()) {
            throw Refusal.badRequest("label.payload.badKeyId", f.get("k"));
        }
        byte[] sig;
        try {
            sig = Base64.getUrlDecoder().decode(f.get("s"));
        } catch (IllegalArgumentException e) {
            sig = null;
        }
        if (sig == null || sig.length != 64) {
            throw Refusal.badRequest("label.payload.badSignature");
        }
        return new QrPayload(url, number, f.get("f"), f.get("u"), until, f.get("k"), sig);
    }

    /** The certificate number from {@code http(s)://host[:port][/prefix]/c/<number>}. */
    private static String number(String url) {
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            throw Refusal.badRequest("label.payload.badUrl");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        int c = path.lastIndexOf("/c/");
        if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null || u.getRawQuery() != null || c < 0) {
            throw Refusal.badRequest("label.payload.badUrl");
        }
        String number = path.substring(c + 3);
        if (!LabelContent.NUMBER.matcher(number).matches()) {
            throw Refusal.badRequest("label.payload.badNumber", number);
        }
        return number;
    }
}
