package cn.cfp.audit;

import cn.cfp.shared.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit checkpoints outside the database (issue 8 item 4): {@code <data-dir>/audit/checkpoints.log}, append-only,
 * one JSON line per checkpoint ({@code {"seq":…,"hash":…,"at":…,"sig":…}}), each signed with the platform's Ed25519
 * key ({@code checkpoint-key}, PKCS#8, mode 0600; its public half in {@code checkpoint-key.pub}, which is all a
 * verifier needs). The directory is 0700. The key is made on the platform's first start; appends hold a file lock
 * (several nodes may share the directory) and are forced to disk before the lock is released.
 */
class CheckpointFile {

    static final String LOG = "checkpoints.log";
    static final String PRIVATE_KEY = "checkpoint-key";
    static final String PUBLIC_KEY = "checkpoint-key.pub";
    private static final String ALGORITHM = "Ed25519";

    /** What the file holds: the valid checkpoint with the highest sequence number, and what is wrong with the rest. */
    record Reading(Optional<Checkpoint> latest, List<Reason> problems) {
    }

    private final Path dir;
    private final JsonMapper json = JsonMapper.builder().build();
    private PrivateKey signingKey;

    CheckpointFile(Path dir) {
        this.dir = dir;
    }

    Path log() {
        return dir.resolve(LOG);
    }

    /**
     * Reads and checks every line. A line that is not JSON at all is what a crash in the middle of an append leaves
     * (a line cut short) and is passed over; a JSON line without a checkpoint's fields, or whose signature does not
     * verify, is a problem.
     */
    Reading read() {
        Path log = log();
        if (!Files.exists(log)) {
            return new Reading(Optional.empty(), List.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Reading(Optional.empty(), List.of(Reason.of("audit.chain.checkpointFileUnreadable", log)));
        }
        if (lines.stream().allMatch(String::isBlank)) {
            return new Reading(Optional.empty(), List.of());
        }
        Optional<PublicKey> key = publicKey();
        if (key.isEmpty()) {
            return new Reading(Optional.empty(), List.of(Reason.of("audit.chain.checkpointKeyMissing", dir.resolve(PUBLIC_KEY))));
        }
        List<Reason> problems = new ArrayList<>();
        Checkpoint latest = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNo = i + 1;
            JsonNode node = jsonOrNull(line);
            if (node == null) {
                continue; // blank, or cut short by a crash
            }
            Optional<Signed> parsed = parse(node);
            if (parsed.isEmpty()) {
                problems.add(Reason.of("audit.chain.checkpointUnreadable", lineNo, log));
            } else if (!verifies(key.get(), parsed.get())) {
                problems.add(Reason.of("audit.chain.checkpointForged", lineNo, log, parsed.get().checkpoint().seq()));
            } else if (latest == null || parsed.get().checkpoint().seq() > latest.seq()) {
                latest = parsed.get().checkpoint();
            }
        }
        return new Reading(Optional.ofNullable(latest), problems);
    }

    private JsonNode jsonOrNull(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return json.readTree(line);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private record Signed(Checkpoint checkpoint, String sig) {
    }

    private static Optional<Signed> parse(JsonNode n) {
        try {
            if (!n.path("seq").canConvertToLong() || !n.path("hash").isString() || !n.path("at").isString()
                    || !n.path("sig").isString()) {
                return Optional.empty();
            }
            return Optional.of(new Signed(new Checkpoint(n.path("seq").asLong(), n.path("hash").asString(),
                    Instant.parse(n.path("at").asString())), n.path("sig").asString()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean verifies(PublicKey key, Signed line) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(line.checkpoint().signedText().getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(line.sig()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Runs {@code work} holding the file lock (other nodes sharing the directory wait), making the directory and the
     * key first if they are missing.
     */
    synchronized <T> T locked(Supplier<T> work) {
        try {
            prepareDirectory();
            try (FileChannel ch = FileChannel.open(log(), Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND), permissions("rw-------"));
                 FileLock ignored = ch.lock()) {
                ensureKey();
                return work.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the audit checkpoint file " + log(), e);
        }
    }

    /** Appends a signed line and forces it to disk; call inside {@link #locked}. */
    void append(Checkpoint c) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", c.seq());
        line.put("hash", c.hash());
        line.put("at", c.at().toString());
        line.put("sig", sign(c));
        try (FileChannel ch = FileChannel.open(log(), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            String text = json.writeValueAsString(line) + "\n";
            if (ch.size() > 0 && !endsWithNewline()) {
                text = "\n" + text; // a line cut short by a crash stays on its own line
            }
            ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append to the audit checkpoint file " + log(), e);
        }
    }

    private boolean endsWithNewline() throws IOException {
        try (FileChannel ch = FileChannel.open(log(), StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, ch.size() - 1);
            return last.get(0) == '\n';
        }
    }

    private String sign(Checkpoint c) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(signingKey);
            s.update(c.signedText().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign the audit checkpoint", e);
        }
    }

    private void prepareDirectory() throws IOException {
        Files.createDirectories(dir);
        if (posix()) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Loads the signing key, making the key pair on the first start (public half first, so a verifier never lacks it). */
    private void ensureKey() throws IOException {
        if (signingKey != null) {
            return;
        }
        Path priv = dir.resolve(PRIVATE_KEY);
        try {
            if (!Files.exists(priv)) {
                KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                writeNew(dir.resolve(PUBLIC_KEY), pair.getPublic().getEncoded(), false);
                writeNew(priv, pair.getPrivate().getEncoded(), true);
            }
            signingKey = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(priv)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The audit checkpoint key " + priv + " is not an Ed25519 private key", e);
        }
    }

    private Optional<PublicKey> publicKey() {
        Path pub = dir.resolve(PUBLIC_KEY);
        try {
            if (!Files.exists(pub)) {
                return Optional.empty();
            }
            return Optional.of(KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Files.readAllBytes(pub))));
        } catch (IOException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** Writes a new file whole (a temporary file moved into place), owner-only when {@code secret}. */
    private void writeNew(Path target, byte[] content, boolean secret) throws IOException {
        Path tmp = dir.resolve(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, permissions(secret ? "rw-------" : "rw-r--r--"));
        Files.write(tmp, content);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The mode a new file is created with (where the file system has POSIX permissions). */
    private static FileAttribute<?>[] permissions(String mode) {
        if (!posix()) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))};
    }

    private static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
