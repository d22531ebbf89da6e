package io.dastyar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.dastyar.archfixture.LeakyEmbeddingUser;
import io.dastyar.archfixture.LeakyLuceneUser;
import io.dastyar.archfixture.LeakyStatemachineUser;
import io.dastyar.archfixture.LeakyTelegramUser;
import io.dastyar.archfixture.app.FixtureApplication;

/**
 * Keeps the package-by-feature structure honest: features use each other's public API only, and each
 * third-party engine stays inside the one feature that owns it (within the knowledge base, inside the one
 * package that owns it).
 */
class ModularityTest {

    static final ArchRule LUCENE_STAYS_IN_SEARCH =
            confined("org.apache.lucene..", "io.dastyar.knowledge.search..", "io.dastyar.knowledge.analysis..");
    static final ArchRule LANGCHAIN4J_STAYS_IN_SEMANTIC =
            confined("dev.langchain4j..", "io.dastyar.knowledge.semantic..");
    static final ArchRule ONNX_RUNTIME_STAYS_IN_SEMANTIC =
            confined("ai.onnxruntime..", "io.dastyar.knowledge.semantic..");

    static final ArchRule TELEGRAMBOTS_STAYS_IN_TELEGRAM_CHANNEL =
            confined("org.telegram..", "io.dastyar.channel.telegram..");

    static final List<ArchRule> LIBRARIES_STAY_HOME = List.of(
            confined("org.springframework.statemachine..", "io.dastyar.conversation.."),
            LUCENE_STAYS_IN_SEARCH,
            LANGCHAIN4J_STAYS_IN_SEMANTIC,
            ONNX_RUNTIME_STAYS_IN_SEMANTIC,
            TELEGRAMBOTS_STAYS_IN_TELEGRAM_CHANNEL,
            confined("org.springframework.web.socket..", "io.dastyar.channel.web.."));

    /** The knowledge base's API, and the semantic package's, show nothing of the engines behind them. */
    static final List<ArchRule> LIBRARIES_STAY_OUT_OF_APIS = List.of(
            publicSignaturesShowNoEngineType("io.dastyar.knowledge"),
            publicSignaturesShowNoEngineType("io.dastyar.knowledge.semantic"));

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
        LIBRARIES_STAY_OUT_OF_APIS.forEach(rule -> rule.check(product));
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
        assertThat(modules.getModuleByName("channel.telegram")).isPresent();
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
    void theChecksCatchALuceneTypeOutsideTheSearchPackagesAndInAPublicSignature() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyLuceneUser.class);
        assertThat(LUCENE_STAYS_IN_SEARCH.evaluate(leaky).hasViolation()).isTrue();
        assertThat(publicSignaturesShowNoEngineType("io.dastyar.archfixture").evaluate(leaky).hasViolation()).isTrue();
    }

    @Test
    void theChecksCatchAnEmbeddingTypeOutsideTheSemanticPackage() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyEmbeddingUser.class);
        assertThat(LANGCHAIN4J_STAYS_IN_SEMANTIC.evaluate(leaky).hasViolation()).isTrue();
        assertThat(ONNX_RUNTIME_STAYS_IN_SEMANTIC.evaluate(leaky).hasViolation()).isTrue();
    }

    @Test
    void theChecksCatchATelegramTypeOutsideTheTelegramChannel() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyTelegramUser.class);
        assertThat(TELEGRAMBOTS_STAYS_IN_TELEGRAM_CHANNEL.evaluate(leaky).hasViolation()).isTrue();
        assertThat(LIBRARIES_STAY_HOME).contains(TELEGRAMBOTS_STAYS_IN_TELEGRAM_CHANNEL);
    }

    @Test
    void writesTheModuleDocumentation() throws java.io.IOException {
        var diagram = java.nio.file.Path.of("target/spring-modulith-docs/components.puml");
        java.nio.file.Files.deleteIfExists(diagram);
        new Documenter(ApplicationModules.of(DastyarApplication.class)).writeModulesAsPlantUml();
        assertThat(java.nio.file.Files.readString(diagram)).contains("Conversation", "Knowledge base");
    }

    private static ArchRule confined(String library, String... owners) {
        return noClasses().that().resideOutsideOfPackages(owners)
                .should().dependOnClassesThat().resideInAPackage(library)
                .because(library + " belongs to " + String.join(" and ", owners) + " alone")
                .allowEmptyShould(true);
    }

    /**
     * The public classes of one package (not its sub-packages) show no Lucene or embedding-runtime type in what
     * they extend or implement, nor in a public field, constructor or method, type arguments included.
     */
    private static ArchRule publicSignaturesShowNoEngineType(String packageName) {
        return classes().that().resideInAPackage(packageName).and().arePublic()
                .should(new ArchCondition<JavaClass>("show no Lucene or embedding-runtime type in a public signature") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        signatureTypes(type).filter(ModularityTest::isEngineType).distinct()
                                .forEach(engine -> events.add(SimpleConditionEvent.violated(type,
                                        type.getName() + " shows " + engine.getName() + " in a public signature")));
                    }
                })
                .allowEmptyShould(true);
    }

    private static Stream<JavaClass> signatureTypes(JavaClass type) {
        Stream<JavaType> supertypes = Stream.concat(type.getSuperclass().stream(), type.getInterfaces().stream());
        Stream<JavaType> fields = type.getFields().stream()
                .filter(field -> field.getModifiers().contains(JavaModifier.PUBLIC)).map(field -> field.getType());
        Stream<JavaType> codeUnits = type.getCodeUnits().stream()
                .filter(unit -> unit.getModifiers().contains(JavaModifier.PUBLIC))
                .flatMap(unit -> Stream.concat(Stream.concat(Stream.of(unit.getReturnType()),
                        unit.getParameterTypes().stream()), unit.getThrowsClause().getTypes().stream()));
        return Stream.of(supertypes, fields, codeUnits).flatMap(s -> s).flatMap(t -> t.getAllInvolvedRawTypes().stream());
    }

    private static boolean isEngineType(JavaClass type) {
        return Stream.of("org.apache.lucene", "dev.langchain4j", "ai.onnxruntime")
                .anyMatch(library -> (type.getPackageName() + ".").startsWith(library + "."));
    }
}
