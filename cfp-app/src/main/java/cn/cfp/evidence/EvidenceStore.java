package cn.cfp.evidence;

import cn.cfp.access.Actor;
import cn.cfp.audit.AuditTrail;
import cn.cfp.shared.Hashes;
import cn.cfp.shared.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Content-addressed evidence store (R-APP-2). Content goes to {@code <data-dir>/evidence/ab/cd/<sha256>}
 * (written to a temporary file and moved into place, so a crash never leaves a half file under a
 * hash name); identical content is stored once. Each upload of the same document name is a new
 * version row; rows and files are never updated or deleted by the application.
 *
 * <p>Who may see a case: staff of the body, and client users of the organisation the case belongs
 * to. (Conflict-of-interest exclusions are added with the personnel module.)
 */
@Service
public class EvidenceStore {

    private static final Pattern CASE_REF = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Path root;
    private final long maxBytes;

    EvidenceStore(JdbcClient jdbc, AuditTrail audit, Clock clock,
                  @Value("${cfp.data-dir}") Path dataDir, @Value("${cfp.evidence.max-bytes}") long maxBytes) {
        this.jdbc = jdbc;
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
        if (caseRef == null || !CASE_REF.matcher(caseRef).matches()) {
            throw new Refusal("Case reference '" + caseRef + "' is invalid: use 1-100 letters, digits, '.', '_', ':' or '-' / 案件编号格式不正确");
        }
        if (logicalName == null || logicalName.isBlank() || logicalName.length() > 200) {
            throw new Refusal("Give the document a name of 1-200 characters / 请填写 1-200 字的文件名称");
        }
        String filename = originalFilename == null ? "" : Path.of(originalFilename).getFileName().toString();
        FileType type = FileType.byExtension(filename).orElseThrow(() -> new Refusal(415,
                "File '" + filename + "' has a type that is not accepted; allowed: "
                        + Arrays.toString(FileType.values()) + " / 不接受该文件类型"));
        Path tmp = writeTemp(content);
        try {
            long size = Files.size(tmp);
            if (size == 0) {
                throw new Refusal("File '" + filename + "' is empty / 文件为空");
            }
            if (size > maxBytes) {
                throw new Refusal(413, "File '" + filename + "' has " + size + " bytes; the limit is " + maxBytes
                        + " bytes (" + maxBytes / 1048576 + " MB) / 文件超过大小限制");
            }
            byte[] head = readHead(tmp);
            if (!type.contentMatches(head)) {
                throw new Refusal(415, "File '" + filename + "' does not contain what its extension says ("
                        + type + ") / 文件内容与扩展名不符");
            }
            String sha = sha256(tmp);
            Path target = pathOf(sha);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target);
                }
            }
            int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM evidence_file WHERE organisation_id = :o AND case_ref = :c AND logical_name = :n")
                    .param("o", organisationId).param("c", caseRef).param("n", logicalName.strip()).query(Integer.class).single() + 1;
            OffsetDateTime now = OffsetDateTime.now(clock);
            jdbc.sql("""
                    INSERT INTO evidence_file (organisation_id, case_ref, logical_name, version, sha256, size_bytes, content_type,
                                               original_filename, uploaded_by, uploaded_at)
                    VALUES (:o, :c, :n, :v, :sha, :size, :type, :fn, :by, :at)""")
                    .param("o", organisationId).param("c", caseRef).param("n", logicalName.strip()).param("v", version)
                    .param("sha", sha).param("size", size).param("type", type.mediaType()).param("fn", filename)
                    .param("by", who.username()).param("at", now).update();
            EvidenceFile file = jdbc.sql("SELECT * FROM evidence_file WHERE organisation_id = :o AND case_ref = :c AND logical_name = :n AND version = :v")
                    .param("o", organisationId).param("c", caseRef).param("n", logicalName.strip()).param("v", version)
                    .query(this::map).single();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("sha256", sha);
            details.put("size", size);
            details.put("filename", filename);
            details.put("logicalName", logicalName.strip());
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

    public List<EvidenceFile> list(Actor who, long organisationId) {
        requireAccess(who, organisationId);
        return jdbc.sql("SELECT * FROM evidence_file WHERE organisation_id = :o ORDER BY case_ref, logical_name, version DESC")
                .param("o", organisationId).query(this::map).list();
    }

    /** The file's metadata; who may read it is decided by the access table's evidence guard (its case's parties and staff). */
    public EvidenceFile get(long id) {
        return jdbc.sql("SELECT * FROM evidence_file WHERE id = :id").param("id", id).query(this::map)
                .optional().orElseThrow(() -> Refusal.notFound("evidence.notFound", id));
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
            throw Refusal.forbidden("You may not see or add evidence of organisation " + organisationId + " / 无权访问该组织的证据文件");
        }
    }

    Path pathOf(String sha) {
        return root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }

    private Path writeTemp(InputStream content) {
        try {
            Path tmpDir = root.resolve("tmp");
            Files.createDirectories(tmpDir);
            Path tmp = Files.createTempFile(tmpDir, "upload-", ".part");
            // Copy at most maxBytes + 1 so an oversized upload is detected without filling the disk.
            try (InputStream in = content; var out = Files.newOutputStream(tmp)) {
                in.transferTo(new LimitedOutput(out, maxBytes + 1));
            } catch (LimitedOutput.LimitReached e) {
                // the size check reports it
            }
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not receive the uploaded file", e);
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

    private EvidenceFile map(ResultSet rs, int row) throws SQLException {
        return new EvidenceFile(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("case_ref"),
                rs.getString("logical_name"), rs.getInt("version"), rs.getString("sha256").trim(), rs.getLong("size_bytes"),
                rs.getString("content_type"), rs.getString("original_filename"), rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());
    }
}
