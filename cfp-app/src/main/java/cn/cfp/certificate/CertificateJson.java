package cn.cfp.certificate;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of the history entries and of the public record (records serialise as they are). */
final class CertificateJson {

    static final CertificateJson INSTANCE = new CertificateJson();

    private final JsonMapper mapper = JsonMapper.builder().build();

    private CertificateJson() {
    }

    String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    CertificateDraft draft(String data) {
        return mapper.readValue(data, CertificateDraft.class);
    }

    record Confirmation(CertificateData data, CertificateDraft draft) {
    }

    String confirmation(CertificateData data, CertificateDraft draft) {
        return write(new Confirmation(data, draft));
    }

    CertificateData confirmedData(String data) {
        return mapper.readValue(data, Confirmation.class).data();
    }

    CertificateDraft confirmedDraft(String data) {
        return mapper.readValue(data, Confirmation.class).draft();
    }

    @SuppressWarnings("unchecked")
    Set<String> ticks(String data) {
        return mapper.readValue(data, Set.class);
    }

    PublicCertificate publicCertificate(String data) {
        return mapper.readValue(data, PublicCertificate.class);
    }

    JsonNode tree(String data) {
        return mapper.readTree(data);
    }
}
