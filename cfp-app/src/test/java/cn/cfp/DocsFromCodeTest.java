package cn.cfp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.scheme.FlowStep;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.Stage;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Two documents written from the code and the scheme files, so they cannot drift: {@code docs/case-routes.md} (each
 * scheme's certification flow as the case's state machine) and {@code docs/events.md} (every event a module publishes
 * and who listens). The test fails when the committed file differs; regenerate with
 * {@code CFP_WRITE_DOCS=true ./mvnw -pl cfp-app test -Dtest=DocsFromCodeTest}.
 */
class DocsFromCodeTest {

    static final Path DOCS = Path.of("../docs");

    @Test
    void the_case_state_machine_of_every_scheme_in_the_docs_is_the_scheme_files_flow() throws IOException {
        StringBuilder b = new StringBuilder("""
                # The certification case per scheme (generated)

                Generated from the scheme files by `DocsFromCodeTest` — do not edit; regenerate with
                `CFP_WRITE_DOCS=true ./mvnw -pl cfp-app test -Dtest=DocsFromCodeTest`.

                Every `flow` step of a scheme names canonical stages (`cn.cfp.scheme.Stage`). The case opens when the
                application is accepted and runs through its route — the scheme's case stages, less the stages an
                exemption waived (an on-site waiver takes out `ON_SITE_INSPECTION`, an adopted prior verification
                `VERIFICATION`). Stages of one step marked *together* may be worked in any order; otherwise one after
                the other. A phase module may act on a case only while its stage is open. Every stage can also end in
                `TERMINATED` (with a reason); `DECISION` ends in `CERTIFIED` or `NOT_CERTIFIED`. The 90-day clock
                counts from acceptance to that end, less client-caused pauses, plus agreed extensions.

                """);
        for (Scheme s : TestSchemes.catalog().all()) {
            b.append("## ").append(s.code()).append(" — ").append(s.name().zh()).append("\n\n");
            b.append("Flow [").append(s.flow().cite()).append("]: ");
            b.append(s.flow().value().steps().stream().map(st -> st.key() + " " + st.name().zh() + " → "
                    + st.stages().stream().map(Enum::name).collect(Collectors.joining(st.together() ? " + " : ", ")))
                    .collect(Collectors.joining("; "))).append("\n\n");
            b.append("```mermaid\nstateDiagram-v2\n");
            String previous = "[*]";
            for (FlowStep step : s.flow().value().steps()) {
                List<Stage> caseStages = step.stages().stream().filter(x -> x.phase() == Stage.Phase.CASE).toList();
                if (caseStages.isEmpty()) {
                    continue;
                }
                if (step.together() && caseStages.size() > 1) {
                    String name = step.key();
                    b.append("    state ").append(name).append(" {\n");
                    for (int i = 0; i < caseStages.size(); i++) {
                        if (i > 0) {
                            b.append("        --\n");
                        }
                        b.append("        [*] --> ").append(caseStages.get(i)).append("\n        ").append(caseStages.get(i)).append(" --> [*]\n");
                    }
                    b.append("    }\n    ").append(previous).append(" --> ").append(name).append("\n");
                    previous = name;
                } else {
                    for (Stage st : caseStages) {
                        b.append("    ").append(previous).append(" --> ").append(st).append(previous.equals("[*]") ? " : accepted\n" : "\n");
                        previous = st.name();
                    }
                }
            }
            b.append("    ").append(previous).append(" --> CERTIFIED\n    ").append(previous).append(" --> NOT_CERTIFIED\n");
            b.append("    CERTIFIED --> [*]\n    NOT_CERTIFIED --> [*]\n```\n\n");
            List<String> waivers = new ArrayList<>();
            if (s.onsiteInspectionExemption().stated()) {
                waivers.add("on-site waiver takes out " + s.onsiteInspectionExemption().value().waives() + " [" + s.onsiteInspectionExemption().cite() + "]");
            }
            if (s.priorVerificationAdoption().stated()) {
                var adoption = s.priorVerificationAdoption().value();
                waivers.add("adopting a prior verification " + (adoption.waives() != null ? "takes out " + adoption.waives()
                        : "keeps " + adoption.simplifies() + ", simplified to a consistency check")
                        + " [" + s.priorVerificationAdoption().cite() + "]");
            }
            b.append(waivers.isEmpty() ? "No exemption changes this route.\n\n" : "Route changes: " + String.join("; ", waivers) + ".\n\n");
        }
        check(DOCS.resolve("case-routes.md"), b.toString());
    }

    @Test
    void the_event_table_in_the_docs_lists_every_published_event_and_its_listeners() throws IOException {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.cfp");
        Map<String, List<String>> listeners = new TreeMap<>();
        for (JavaClass c : classes) {
            for (JavaMethod m : c.getMethods()) {
                if (m.isAnnotatedWith(ApplicationModuleListener.class) && m.getRawParameterTypes().size() == 1) {
                    listeners.computeIfAbsent(m.getRawParameterTypes().get(0).getName(), k -> new ArrayList<>())
                            .add(module(c) + " (`" + c.getSimpleName() + "." + m.getName() + "`)");
                }
            }
        }
        StringBuilder b = new StringBuilder("""
                # Events between modules (generated)

                Generated from the code by `DocsFromCodeTest` — do not edit; regenerate with
                `CFP_WRITE_DOCS=true ./mvnw -pl cfp-app test -Dtest=DocsFromCodeTest`.

                Every transition of an aggregate registers an event; the module's repository publishes it when it saves.
                Listeners (`@ApplicationModuleListener`) run after the publishing transaction commits, on their own
                thread and transaction; the `event_publication` table keeps each event until its listener completed and
                delivers outstanding ones again after a restart.

                | event | published by | fields | listened to by |
                |---|---|---|---|
                """);
        List<JavaClass> events = classes.stream()
                .filter(c -> c.isRecord() && (c.getEnclosingClass().map(e -> e.getSimpleName().endsWith("Events")).orElse(false)
                        || c.getSimpleName().equals("ApplicationAccepted")))
                .sorted(java.util.Comparator.comparing(JavaClass::getName)).toList();
        assertThat(events).extracting(JavaClass::getSimpleName).contains("CaseOpened", "StageCompleted", "Concluded", "Terminated");
        for (JavaClass e : events) {
            String fields = java.util.Arrays.stream(e.reflect().getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
                    .collect(Collectors.joining(", "));
            b.append("| `").append(e.getName().replace("cn.cfp.", "").replace('$', '.')).append("` | ").append(module(e)).append(" | ")
                    .append(fields).append(" | ").append(String.join("; ", listeners.getOrDefault(e.getName(), List.of("—")))).append(" |\n");
        }
        check(DOCS.resolve("events.md"), b.toString());
    }

    private static String module(JavaClass c) {
        String p = c.getPackageName().substring("cn.cfp.".length());
        return p.contains(".") ? p.substring(0, p.indexOf('.')) : p.toLowerCase(Locale.ROOT);
    }

    private static void check(Path file, String content) throws IOException {
        if ("true".equals(System.getenv("CFP_WRITE_DOCS"))) {
            Files.writeString(file, content);
        }
        assertThat(file).as(file + " is missing: regenerate with CFP_WRITE_DOCS=true").exists();
        assertThat(Files.readString(file)).as(file + " is stale: regenerate with CFP_WRITE_DOCS=true").isEqualTo(content);
    }
}
