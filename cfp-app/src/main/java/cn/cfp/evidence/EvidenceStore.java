package cn.cfp.evidence;

import cn.cfp.access.Actor;
import cn.cfp.audit.AuditTrail;
import cn.cfp.shared.Hashes;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import cn.cfp.shared.storage.DataDirectory;
import jakarta.annotation.PostConstruct;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Content-addressed evidence store (R-APP-2). Content goes to {@code <data-dir>/evidence/ab/cd/<sha256>}
 * (written to a temporary file and moved into place, so a crash never leaves a half file under a
 * hash name); identical content is stored once. Each upload of the same document name is a new
 * version row; rows and files are never updated or deleted by the application. Two uploads of the same
 * document at the same moment cannot both become version n: the second is refused (409) and nothing of it is
 * recorded. Metadata storage: {@link EvidenceRepository}.
 *
 * <p>Who may see a case: staff of the body, and client users of the organisation the case belongs
 * to. (Conflict-of-interest exclusions are added with the personnel module.)
 */
@Service
public class EvidenceStore {

    private static final Pattern CASE_REF = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    static final int MAX_NAME = 200;
    static final int MAX_FILENAME = 255;
    static final String TMP = "tmp";
    static final String PART = ".part";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EvidenceStore.class);

    private final EvidenceRepository repository;
    private final AuditTrail audit;
    private final Clock clock;
    private final Path root;
    private final long maxBytes;

    EvidenceStore(EvidenceRepository repository, AuditTrail audit, Clock clock,
                  @Value("${cfp.data-dir}") Path dataDir, @Value("${cfp.evidence.max-bytes}") long maxBytes) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.root = dataDir.resolve("evidence");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Stores a new version of {@code logicalName} in the case; refuses bad input before writing anything. */
    @Transactional
    public EvidenceFile store(Actor who, long organisationId, String caseRef, String logicalName,
                              String originalFilename, InputStream content) {
        requireAccess(who, organisationId);
        List<Reason> problems = new ArrayList<>();
        if (caseRef == null || !CASE_REF.matcher(caseRef).matches()) {
            problems.add(Reason.of("evidence.caseRef.invalid", caseRef).at("caseRef"));
        }
        if (logicalName == null || logicalName.isBlank() || logicalName.strip().length() > MAX_NAME) {
            problems.add(Reason.of("evidence.logicalName.required", MAX_NAME).at("name"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        String name = logicalName.strip();
        String filename = originalFilename == null ? "" : Path.of(originalFilename).getFileName().toString();
        if (filename.length() > MAX_FILENAME) {
            throw refusal(400, Reason.of("evidence.file.nameTooLong", MAX_FILENAME));
        }
        FileType type = FileType.byExtension(filename).orElseThrow(() -> refusal(415,
                Reason.of("evidence.file.typeNotAccepted", filename, List.of(FileType.values()))));
        Path tmp = writeTemp(content);
        try {
            long size = Files.size(tmp);
            if (size == 0) {
                throw refusal(400, Reason.of("evidence.file.empty", filename));
            }
            if (size > maxBytes) {
                throw refusal(413, Reason.of("evidence.file.tooLarge", filename, size, maxBytes, maxBytes / 1048576));
            }
            byte[] head = readHead(tmp);
            if (!type.contentMatches(head)) {
                throw refusal(415, Reason.of("evidence.file.contentMismatch", filename, type));
            }
            String sha = sha256(tmp);
            Path target = pathOf(sha);
            if (!Files.exists(target)) {
                DataDirectory.directory(target.getParent());
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target);
                }
            }
            int version = repository.nextVersion(organisationId, caseRef, name);
            long id;
            try {
                id = repository.insert(organisationId, caseRef, name, version, sha, size, type.mediaType(), filename,
                        who.username(), OffsetDateTime.now(clock));
            } catch (DuplicateKeyException e) {
                throw Refusal.conflict("evidence.versionTaken", name, version);
            }
            EvidenceFile file = get(id);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("sha256", sha);
            details.put("size", size);
            details.put("filename", filename);
            details.put("logicalName", name);
            details.put("version", version);
            audit.record(who.username(), "EVIDENCE_UPLOADED", "evidence:" + organisationId + "/" + caseRef, details);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store evidence file " + filename, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the temporary file is in our own directory and removed on the next start
            }
        }
    }

    /**
     * A page of the organisation's files the search selects (issue 8 item 15), with the number it selects in all; only
     * for who may see the organisation's evidence ({@link #maySee}).
     */
    public Paging.Page<EvidenceFile> search(Actor who, long organisationId, EvidenceSearch search, Paging paging) {
        requireAccess(who, organisationId);
        return repository.search(organisationId, search, paging);
    }

    /** The file's metadata; who may read it is decided by the access table's evidence guard (its case's parties and staff). */
    public EvidenceFile get(long id) {
        return repository.find(id).orElseThrow(() -> Refusal.notFound("evidence.notFound", id));
    }

    /** Opens the content, verifying on the way that it still has the hash it was stored under. */
    public InputStream open(long id) {
        EvidenceFile file = get(id);
        try {
            byte[] bytes = Files.readAllBytes(pathOf(file.sha256()));
            if (!Hashes.sha256Hex(bytes).equals(file.sha256())) {
                throw new IllegalStateException("Evidence file " + id + " on disk no longer matches its SHA-256: the store was tampered with");
            }
            return new java.io.ByteArrayInputStream(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Evidence content of file " + id + " is missing from the store", e);
        }
    }

    /** Staff see every case; a client user sees only its own organisation's. */
    public static boolean maySee(Actor who, long organisationId) {
        if (who.isStaff()) {
            return true;
        }
        return who.isClient() && who.organisationId() != null && who.organisationId() == organisationId;
    }

    private static void requireAccess(Actor who, long organisationId) {
        if (!maySee(who, organisationId)) {
            throw Refusal.forbidden("evidence.notYours", organisationId);
        }
    }

    /** A refusal about the uploaded file (the form's {@code file} field). */
    private static Refusal refusal(int status, Reason reason) {
        return new Refusal(status, List.of(reason.at("file")));
    }

    Path pathOf(String sha) {
        return root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }

    private Path writeTemp(InputStream content) {
        try {
            Path tmpDir = DataDirectory.directory(root.resolve(TMP));
            Path tmp = Files.createTempFile(tmpDir, "upload-", PART); // owner-only (0600) on POSIX
            // Copy at most maxBytes + 1 so an oversized upload is detected without filling the disk; the content is on
            // the disk (fsync) before its row is committed, so a confirmed upload survives a crash (issue 8 item 9).
            try (InputStream in = content; FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                try {
                    in.transferTo(new LimitedOutput(Channels.newOutputStream(channel), maxBytes + 1));
                } catch (LimitedOutput.LimitReached e) {
                    // the size check reports it
                }
                channel.force(true);
            }
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not receive the uploaded file", e);
        }
    }

    /**
     * Removes the temporary files of uploads that a crash interrupted (issue 8 item 7). Only files older than an hour go,
     * so that an upload in progress on another node sharing the store is left alone.
     */
    @PostConstruct
    void removeAbandonedUploads() {
        Path tmpDir = root.resolve(TMP);
        if (!Files.isDirectory(tmpDir)) {
            return;
        }
        // file times are the wall clock's, not the business clock's
        java.time.Instant before = java.time.Instant.now().minus(java.time.Duration.ofHours(1));
        try (var files = Files.list(tmpDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().endsWith(PART) && Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                    Files.deleteIfExists(f);
                    log.info("Removed the temporary file of an interrupted upload: {}", f.getFileName());
                }
            }
        } catch (IOException e) {
            log.warn("Could not clean the temporary upload files in {}", tmpDir, e);
        }
    }

    private static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(4096);
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md = Hashes.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
