package cn.cfp.label.internal;

import cn.cfp.body.BodyKeys.PublishedKey;
import cn.cfp.label.QrPayload;
import cn.cfp.label.QrPayloads;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./cfp verify-label <png-or-payload> [--keys <file-or-url>] [--online <base-url>]} [R-X-4]: checks a label
 * without the platform (no Spring context). Reads the QR code of a PNG/JPEG file with ZXing, or takes the payload text;
 * takes the body's public keys from {@code --keys} (a file or URL of the well-known key list) or else from the
 * well-known URL of the host the payload names; verifies the signature and prints GENUINE or NOT GENUINE with the
 * fields. With {@code --online} it also asks the registry ({@code GET <base>/api/public/certificates/{number}}).
 * Exit status: 0 genuine, 1 not genuine, 2 unreadable input, keys that cannot be had, or wrong arguments.
 */
public final class VerifyLabelCommand {

    static final String WELL_KNOWN = "/.well-known/cfp-label-keys.json";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrintStream out;
    private final PrintStream err;

    VerifyLabelCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new VerifyLabelCommand(System.out, System.err).run(args));
    }

    int run(String[] args) {
        String input = null;
        String keysFrom = null;
        String online = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--keys" -> keysFrom = i + 1 < args.length ? args[++i] : null;
                case "--online" -> online = i + 1 < args.length ? args[++i] : null;
                case "-h", "--help" -> {
                    usage(out);
                    return 0;
                }
                default -> {
                    if (input != null || args[i].startsWith("--")) {
                        usage(err);
                        return 2;
                    }
                    input = args[i];
                }
            }
        }
        if (input == null || (args.length > 0 && args[args.length - 1].equals("--keys")) || (args.length > 0 && args[args.length - 1].equals("--online"))) {
            usage(err);
            return 2;
        }
        String text;
        Path file = Path.of(input.length() < 4096 && !input.contains("#") ? input : ".");
        if (!input.contains("#") && Files.isRegularFile(file)) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                if (bytes.length > QrImages.MAX_BYTES || QrImages.kind(bytes).isEmpty()) {
                    err.println("UNREADABLE: " + file + " is not a PNG or JPEG picture of at most 5 MB");
                    return 2;
                }
                text = QrImages.read(bytes).flatMap(QrImages::decode).orElse(null);
            } catch (IOException e) {
                err.println("UNREADABLE: cannot read " + file + ": " + e.getMessage());
                return 2;
            }
            if (text == null) {
                err.println("UNREADABLE: no QR code found in " + file);
                return 2;
            }
        } else {
            text = input;
        }
        QrPayload p;
        try {
            p = QrPayloads.parse(text);
        } catch (Refusal r) {
            err.println("UNREADABLE: " + String.join("; ", r.reasons().stream().map(VerifyLabelCommand::text).toList()));
            return 2;
        }
        String source = keysFrom != null ? keysFrom : p.url().substring(0, p.url().lastIndexOf("/c/")) + WELL_KNOWN;
        List<PublishedKey> keys;
        try {
            keys = keys(source);
        } catch (IOException | RuntimeException e) {
            err.println("KEYS UNAVAILABLE: cannot read the body's public keys from " + source + ": " + e.getMessage());
            return 2;
        }
        boolean known = QrPayloads.knowsKey(p, keys);
        boolean genuine = known && QrPayloads.verify(p, keys);
        if (genuine) {
            out.println("GENUINE: signed by the body's key " + p.keyId() + " (keys from " + source + ")");
            if (keysFrom == null) {
                out.println("  note: the keys came from the address the label itself names; pass --keys with the body's key file to rely on nothing the label says");
            }
        } else {
            out.println("NOT GENUINE: " + (known ? text(Reason.of("label.check.badSignature")) : text(Reason.of("label.check.unknownKey", p.keyId()))));
        }
        out.println("  number:      " + p.number());
        out.println("  value:       " + p.value() + " " + p.unit());
        out.println("  valid until: " + p.validUntil());
        out.println("  page:        " + p.url());
        if (online != null) {
            out.println("  registry:    " + online(online, p.number()));
        }
        return genuine ? 0 : 1;
    }

    /** The keys of a well-known key list (file or URL). */
    static List<PublishedKey> keys(String source) throws IOException {
        String body;
        if (source.startsWith("http://") || source.startsWith("https://")) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(source)).timeout(Duration.ofSeconds(20)).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() != 200) {
                    throw new IOException("HTTP " + r.statusCode());
                }
                body = r.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        } else {
            body = Files.readString(Path.of(source), StandardCharsets.UTF_8);
        }
        JsonNode root = JSON.readTree(body);
        JsonNode list = root.has("keys") ? root.get("keys") : root;
        List<PublishedKey> keys = new ArrayList<>();
        for (JsonNode k : list) {
            keys.add(new PublishedKey(k.get("kid").asString(), k.get("alg").asString(), k.get("key").asString(),
                    k.hasNonNull("notBefore") ? Instant.parse(k.get("notBefore").asString()) : null,
                    k.hasNonNull("notAfter") ? Instant.parse(k.get("notAfter").asString()) : null,
                    k.hasNonNull("subject") ? k.get("subject").asString() : null));
        }
        if (keys.isEmpty()) {
            throw new IOException("the list holds no key");
        }
        return keys;
    }

    private String online(String base, String number) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(b + "/api/public/certificates/" + number))
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() == 404) {
                return "not found in the registry";
            }
            if (r.statusCode() != 200) {
                return "online check failed: HTTP " + r.statusCode();
            }
            JsonNode n = JSON.readTree(r.body());
            JsonNode status = n.get("status");
            if (status == null || status.isNull()) {
                return "found (the answer names no status)";
            }
            return "status " + (status.isObject() && status.has("code") ? status.get("code").asString() : status.asString());
        } catch (IOException | IllegalArgumentException | tools.jackson.core.JacksonException e) {
            return "online check failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "online check interrupted";
        }
    }

    /** The reason's English text from the label module's bundle (the code where there is none). */
    static String text(Reason r) {
        try {
            ResourceBundle b = ResourceBundle.getBundle("i18n.reasons.label", Locale.ENGLISH);
            return new java.text.MessageFormat(b.getString(r.code()), Locale.ENGLISH).format(r.args().toArray());
        } catch (MissingResourceException e) {
            return r.code() + " " + r.args();
        }
    }

    private static void usage(PrintStream s) {
        s.println("usage: cfp verify-label <png-or-jpeg-file | payload> [--keys <file-or-url>] [--online <base-url>]");
        s.println("  exit 0 genuine, 1 not genuine, 2 unreadable input or keys unavailable (docs/label.md)");
    }
}
