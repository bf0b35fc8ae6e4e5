package cn.cfp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure holds (no cycles, no reaching into another module's internal packages), and the module
 * documentation in {@code docs/modules} is what the code says: the component diagram, one diagram per module and the
 * module canvases (each module's API, events published and listened to, aggregates). Regenerate it with
 * {@code CFP_WRITE_DOCS=true ./mvnw -pl cfp-app test -Dtest=ModularityTests}.
 */
class ModularityTests {

    /**
     * cn.cfp.calc is the calculation engine (the cfp-calc library, pure Java, no Spring): a library the platform calls,
     * not an application module, so its packages are left out of the module model (else every use of its model types
     * would count as reaching into a module's internals).
     */
    static final ApplicationModules MODULES = ApplicationModules.of(CfpApplication.class,
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("cn.cfp.calc.."));
    static final Path GENERATED = Path.of("target/spring-modulith-docs");
    static final Path COMMITTED = Path.of("../docs/modules");

    @Test
    void modules_have_no_cycles_and_use_only_each_others_public_api() {
        MODULES.verify();
    }

    @Test
    void the_module_documentation_in_docs_matches_the_code() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        List<Path> generated;
        try (Stream<Path> files = Files.list(GENERATED)) {
            generated = files.filter(p -> p.toString().endsWith(".puml") || p.toString().endsWith(".adoc")).sorted().toList();
        }
        assertThat(generated).isNotEmpty();
        if ("true".equals(System.getenv("CFP_WRITE_DOCS"))) {
            Files.createDirectories(COMMITTED);
            for (Path p : generated) {
                Files.copy(p, COMMITTED.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (Path p : generated) {
            Path committed = COMMITTED.resolve(p.getFileName());
            assertThat(committed).as(committed + " is missing or stale: regenerate with CFP_WRITE_DOCS=true (see the class comment)")
                    .exists();
            // the documenter writes relations and a canvas's lists in no fixed order: compare the lines, not their order
            // (the first item of a canvas list carries the table's cell marker "|", wherever it lands)
            assertThat(unmarked(Files.readAllLines(committed))).as(committed + " is stale: regenerate with CFP_WRITE_DOCS=true")
                    .containsExactlyInAnyOrderElementsOf(unmarked(Files.readAllLines(p)));
        }
    }

    /** Canvas list items without the cell marker the first item of a list carries ("|* `X`" is "* `X`"). */
    private static List<String> unmarked(List<String> lines) {
        return lines.stream().map(l -> l.startsWith("|* ") ? l.substring(1) : l).toList();
    }
}
