package cn.cfp.evidence;

import java.time.Instant;

/** Metadata of one stored version of an evidence document. */
public record EvidenceFile(long id, long organisationId, String caseRef, String logicalName, int version,
                           String sha256, long sizeBytes, String contentType, String originalFilename,
                           String uploadedBy, Instant uploadedAt) {

    /** The accepted file type its content type names (null for a type no longer accepted). */
    public FileType fileType() {
        return FileType.byMediaType(contentType).orElse(null);
    }
}
