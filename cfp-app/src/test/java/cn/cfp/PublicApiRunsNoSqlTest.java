package cn.cfp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No public class in a module's API package runs SQL: the public services (Organisations, StaffRegistry, AuditTrail, …)
 * state the rules and delegate storage to package-private repositories and queries of the same package.
 */
class PublicApiRunsNoSqlTest {

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.cfp");

    @Test
    void public_classes_of_module_api_packages_do_not_touch_jdbc() {
        noClasses().that().resideInAPackage("cn.cfp.*").and().haveModifier(JavaModifier.PUBLIC)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .because("storage belongs to the module's package-private repositories and queries")
                .check(CLASSES);
    }
}
