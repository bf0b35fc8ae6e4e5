package cn.cfp.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.party.Organisations;
import cn.cfp.shared.Hashes;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** R-APP-2: immutable, content-addressed evidence with type/size limits and case-level access, over the real API. */
@CfpIntegrationTest
class EvidenceStoreTest {

    static final byte[] PDF_V1 = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PDF_V2 = "%PDF-1.4\n2 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;
    @Value("${cfp.data-dir}")
    Path dataDir;

    TestHttp http;
    long motorOrg;
    long furnitureOrg;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
        motorOrg = organisations.findByName("南阳华安防爆电机有限公司（演示）").orElseThrow().id();
        furnitureOrg = organisations.findByName("浙江森雅家具有限公司（演示）").orElseThrow().id();
    }

    private HttpResponse<String> upload(String user, long org, String name, String filename, byte[] content) {
        TestHttp.Multipart m = new TestHttp.Multipart().field("org", String.valueOf(org)).field("caseRef", "APP-1")
                .field("name", name).file("file", filename, content);
        return http.send("POST", "/api/evidence", user, m.contentType(), m.body());
    }

    @Test
    void a_new_version_never_overwrites_the_old_one_and_both_stay_downloadable() {
        HttpResponse<String> first = upload("client-motor", motorOrg, "营业执照 business licence", "licence.pdf", PDF_V1);
        HttpResponse<String> second = upload("client-motor", motorOrg, "营业执照 business licence", "licence-new.pdf", PDF_V2);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        JsonNode v1 = json.readTree(first.body());
        JsonNode v2 = json.readTree(second.body());
        assertThat(v2.get("version").asInt()).isEqualTo(v1.get("version").asInt() + 1);
        assertThat(v1.get("sha256").asText()).isEqualTo(Hashes.sha256Hex(PDF_V1));

        HttpResponse<byte[]> old = http.sendForBytes("/api/evidence/" + v1.get("id").asLong() + "/content", "client-motor");
        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(old.body()).isEqualTo(PDF_V1);
        HttpResponse<byte[]> current = http.sendForBytes("/api/evidence/" + v2.get("id").asLong() + "/content", "pm");
        assertThat(current.body()).isEqualTo(PDF_V2);
    }

    @Test
    void content_is_stored_once_under_its_sha256() {
        byte[] content = "%PDF-1.7\nsame content twice\n".getBytes(StandardCharsets.US_ASCII);
        upload("client-motor", motorOrg, "doc A", "a.pdf", content);
        upload("client-motor", motorOrg, "doc B", "b.pdf", content);
        String sha = Hashes.sha256Hex(content);
        Path file = dataDir.resolve("evidence").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        assertThat(file).exists().hasBinaryContent(content);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_file WHERE sha256 = :s").param("s", sha).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void a_client_cannot_see_or_add_to_another_companys_case() {
        HttpResponse<String> mine = upload("client-furniture", furnitureOrg, "BOM", "bom.csv", "part,kg\nleg,1.2\n".getBytes(StandardCharsets.UTF_8));
        long id = json.readTree(mine.body()).get("id").asLong();

        // another company's file: not even its existence
        assertThat(http.sendForBytes("/api/evidence/" + id + "/content", "client-motor").statusCode()).isEqualTo(404);
        assertThat(http.send("GET", "/api/evidence?org=" + furnitureOrg, "client-motor").statusCode()).isEqualTo(403);
        assertThat(upload("client-motor", furnitureOrg, "sneaky", "x.pdf", PDF_V1).statusCode()).isEqualTo(403);
        assertThat(http.sendForBytes("/api/evidence/" + id + "/content", "client-furniture").statusCode()).isEqualTo(200);
    }

    @Test
    void a_file_whose_content_is_not_what_its_extension_says_is_refused_and_nothing_is_stored() {
        int before = count();
        HttpResponse<String> r = upload("client-motor", motorOrg, "fake pdf", "report.pdf", "MZ\u0090\u0000 this is an exe".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(r.statusCode()).isEqualTo(415);
        JsonNode error = json.readTree(r.body()).get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo("evidence.file.contentMismatch");
        assertThat(error.get("field").asText()).isEqualTo("file");
        assertThat(error.get("args").get(0).asText()).isEqualTo("report.pdf");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void a_file_type_that_is_not_accepted_is_refused_naming_the_allowed_types() {
        HttpResponse<String> r = upload("client-motor", motorOrg, "script", "run.sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(415);
        JsonNode error = json.readTree(r.body()).get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo("evidence.file.typeNotAccepted");
        assertThat(error.get("args").get(0).asText()).isEqualTo("run.sh");
        assertThat(error.get("args").get(1).asText()).contains("PDF").contains("TXT");
    }

    @Test
    void an_oversized_file_is_refused_with_the_limit_and_nothing_is_stored() {
        int before = count();
        byte[] big = new byte[20 * 1024 * 1024 + 10];
        System.arraycopy(PDF_V1, 0, big, 0, PDF_V1.length);
        HttpResponse<String> r = upload("client-motor", motorOrg, "huge", "huge.pdf", big);
        assertThat(r.statusCode()).isEqualTo(413);
        JsonNode error = json.readTree(r.body()).get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo("evidence.file.tooLarge");
        assertThat(error.get("args").get(2).asText()).isEqualTo("20971520");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void every_upload_lands_in_the_audit_trail_with_its_hash() {
        upload("client-motor", motorOrg, "audited", "audited.txt", "hello".getBytes(StandardCharsets.UTF_8));
        List<String> details = jdbc.sql("SELECT details FROM audit_record WHERE action = 'EVIDENCE_UPLOADED'").query(String.class).list();
        assertThat(details).anyMatch(d -> d.contains(Hashes.sha256Hex("hello")));
    }

    @Test
    void an_invalid_case_reference_and_a_missing_name_are_refused_together_naming_their_fields() {
        TestHttp.Multipart m = new TestHttp.Multipart().field("org", String.valueOf(motorOrg)).field("caseRef", "APP 1/../x")
                .field("name", " ").file("file", "a.pdf", PDF_V1);
        HttpResponse<String> r = http.send("POST", "/api/evidence", "client-motor", m.contentType(), m.body());
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(r.body()).get("errors");
        assertThat(errors).extracting(e -> e.get("code").asText()).containsExactly("evidence.caseRef.invalid", "evidence.logicalName.required");
        assertThat(errors).extracting(e -> e.get("field").asText()).containsExactly("caseRef", "name");

        HttpResponse<String> longName = upload("client-motor", motorOrg, "long", "a".repeat(252) + ".pdf", PDF_V1);
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(json.readTree(longName.body()).get("errors").get(0).get("code").asText()).isEqualTo("evidence.file.nameTooLong");
    }

    /** Issue 8 item 7: an upload to an organisation that does not exist is a 404 in words, and nothing is stored. */
    @Test
    void an_upload_to_a_missing_organisation_is_refused_in_words_and_stores_nothing() {
        int before = count();
        HttpResponse<String> r = upload("pm", 987_654_321L, "licence", "licence.pdf", PDF_V1);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
        assertThat(json.readTree(r.body()).get("errors").get(0).get("code").asText()).isEqualTo("evidence.organisation.notFound");
        assertThat(r.body()).contains("987654321").doesNotContain("Exception").doesNotContain("constraint");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void an_api_client_reads_the_refusal_in_english_when_it_asks_for_english() {
        int before = count();
        HttpResponse<String> zh = upload("client-motor", motorOrg, "empty", "empty.txt", new byte[0]);
        assertThat(zh.statusCode()).isEqualTo(400);
        assertThat(json.readTree(zh.body()).get("errors").get(0).get("message").asText()).isEqualTo("文件“empty.txt”为空");
        TestHttp.Multipart m = new TestHttp.Multipart().field("org", String.valueOf(motorOrg)).field("caseRef", "APP-1")
                .field("name", "empty").file("file", "empty.txt", new byte[0]);
        HttpResponse<String> en = http.send("POST", "/api/evidence?lang=en", "client-motor", m.contentType(), m.body());
        assertThat(count()).isEqualTo(before);
        assertThat(json.readTree(en.body()).get("errors").get(0).get("message").asText()).isEqualTo("File 'empty.txt' is empty");
    }

    private int count() {
        return jdbc.sql("SELECT COUNT(*) FROM evidence_file").query(Integer.class).single();
    }
}
