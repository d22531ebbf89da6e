package io.dastyar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import io.dastyar.archfixture.LeakyStatemachineUser;
import io.dastyar.archfixture.app.FixtureApplication;

/**
 * Keeps the package-by-feature structure honest: features use each other's public API only, and each
 * third-party engine stays inside the one feature that owns it.
 */
class ModularityTest {

    static final List<ArchRule> LIBRARIES_STAY_HOME = List.of(
            confined("org.springframework.statemachine..", "io.dastyar.conversation.."),
            confined("org.apache.lucene..", "io.dastyar.knowledge.."),
            confined("dev.langchain4j..", "io.dastyar.knowledge.."),
            confined("org.telegram..", "io.dastyar.channel.telegram.."),
            confined("org.springframework.web.socket..", "io.dastyar.channel.web.."));

    @Test
    void featuresUseOnlyEachOthersPublicApi() {
        ApplicationModules modules = ApplicationModules.of(DastyarApplication.class);
        modules.verify();
        assertThat(modules.stream().map(module -> module.getBasePackage().getName()))
                .contains("io.dastyar.conversation", "io.dastyar.account", "io.dastyar.system");
    }

    @Test
    void librariesStayInsideTheirFeature() {
        JavaClasses product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.dastyar");
        LIBRARIES_STAY_HOME.forEach(rule -> rule.check(product));
    }

    @Test
    void theChecksCatchAFeatureReachingIntoAnothersInternals() {
        assertThat(fixtureViolations()).contains("BetaService")
                .contains("non-exposed type io.dastyar.archfixture.app.alpha.internal.AlphaInternal");
    }

    @Test
    void theChecksCatchANamedInterfaceUsedWithoutBeingDeclared() {
        assertThat(fixtureViolations()).contains("io.dastyar.archfixture.app.alpha.spi.AlphaSpi");
    }

    @Test
    void theChecksCatchADependencyAModuleDidNotDeclare() {
        assertThat(fixtureViolations()).contains("GammaService");
    }

    @Test
    void eachChannelIsAModuleOfItsOwnAndTheirParentPackageIsNone() {
        ApplicationModules modules = ApplicationModules.of(DastyarApplication.class);
        assertThat(modules.getModuleByName("channel.web")).isPresent();
        assertThat(modules.getModuleByName("channel")).isEmpty();
    }

    private static String fixtureViolations() {
        // The fixture lives among the test classes, which Modulith skips unless told otherwise.
        ImportOption everything = location -> true;
        return ApplicationModules.of(FixtureApplication.class, everything).detectViolations().getMessage();
    }

    @Test
    void theChecksCatchAStateMachineTypeOutsideTheConversationFeature() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyStatemachineUser.class);
        assertThat(LIBRARIES_STAY_HOME.getFirst().evaluate(leaky).hasViolation()).isTrue();
    }

    @Test
    void writesTheModuleDocumentation() throws java.io.IOException {
        var diagram = java.nio.file.Path.of("target/spring-modulith-docs/components.puml");
        java.nio.file.Files.deleteIfExists(diagram);
        new Documenter(ApplicationModules.of(DastyarApplication.class)).writeModulesAsPlantUml();
        assertThat(java.nio.file.Files.readString(diagram)).contains("Conversation", "Knowledge base");
    }

    private static ArchRule confined(String library, String owner) {
        return noClasses().that().resideOutsideOfPackage(owner)
                .should().dependOnClassesThat().resideInAPackage(library)
                .because(library + " belongs to " + owner + " alone")
                .allowEmptyShould(true);
    }
}
