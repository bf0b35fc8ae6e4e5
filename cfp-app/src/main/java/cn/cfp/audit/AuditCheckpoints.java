package cn.cfp.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Anchors the audit chain's head outside the database (issue 8 item 4). {@link #write()} notes the head — record
 * count and last hash — in the signed checkpoint file and in the log, when it has moved past the last checkpoint;
 * it never writes a checkpoint that contradicts the last one (a chain that got shorter or whose record at the last
 * checkpoint changed is logged as an error instead), so a truncation cannot be made good by the next checkpoint.
 */
@Component
class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final CheckpointFile file;
    private final AuditRepository repository;
    private final Clock clock;

    AuditCheckpoints(@Value("${cfp.data-dir}") Path dataDir, AuditRepository repository, Clock clock) {
        this.file = new CheckpointFile(dataDir.resolve("audit"));
        this.repository = repository;
        this.clock = clock;
    }

    CheckpointFile.Reading read() {
        return file.read();
    }

    Path log() {
        return file.log();
    }

    /** Writes a checkpoint of the current head if it moved past the last one; empty when nothing was written. */
    Optional<Checkpoint> write() {
        return file.locked(() -> {
            AuditRepository.Head head = repository.head();
            if (head.lastSeq() == 0) {
                return Optional.empty();
            }
            if (!repository.hashAt(head.lastSeq()).equals(Optional.of(head.lastHash()))) {
                log.error("audit checkpoint not written: the head names record #{} with hash {}, but that record is missing "
                        + "or has another hash; run `cfp audit verify`", head.lastSeq(), head.lastHash());
                return Optional.empty();
            }
            Optional<Checkpoint> last = file.read().latest();
            if (last.isPresent()) {
                Checkpoint l = last.get();
                if (head.lastSeq() == l.seq() && head.lastHash().equals(l.hash())) {
                    return Optional.empty(); // the head has not moved
                }
                if (head.lastSeq() < l.seq() || !repository.hashAt(l.seq()).equals(Optional.of(l.hash()))) {
                    log.error("audit checkpoint not written: the chain (head #{}) does not extend the checkpoint of {} "
                            + "(#{}, hash {}); records were removed or rewritten; run `cfp audit verify`",
                            head.lastSeq(), l.at(), l.seq(), l.hash());
                    return Optional.empty();
                }
            }
            Checkpoint c = new Checkpoint(head.lastSeq(), head.lastHash(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
            file.append(c);
            log.info("audit checkpoint: {} records, head hash {}, at {} (written to {})", c.seq(), c.hash(), c.at(), file.log());
            return Optional.of(c);
        });
    }
}
