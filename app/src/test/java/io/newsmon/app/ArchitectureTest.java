package io.newsmon.app;

import static com.tngtech.archunit.core.domain.Dependency.Predicates.dependency;
import static com.tngtech.archunit.core.domain.Dependency.Predicates.dependencyOrigin;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependentsWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import io.newsmon.app.bench.BenchCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries, checked on the compiled production classes (docs/architecture.md):
 * <ul>
 *   <li>only the kafka module, each stage's adapter package ({@code io.newsmon.<stage>.kafka}), broker,
 *       testkit and app use Kafka ({@code org.apache.kafka} or newsmon's own {@code io.newsmon.kafka});
 *   <li>no stage uses another stage, or app;
 *   <li>model uses no stage, no Kafka and no app; kafka uses no stage;
 *   <li>no production code uses testkit;
 *   <li>nothing outside {@code io.newsmon.app.bench} uses it, but {@link Newsmon}, which registers
 *       {@link BenchCommand}: the synthetic sites the bench measures against stay out of the production wiring.
 * </ul>
 * A new module is a stage or one of the {@link #INFRASTRUCTURE} modules: {@link #everyModuleIsClassified}
 * fails until it is named here, so the rules cover it from its first commit.
 */
class ArchitectureTest {

    /** Stages: modules with domain logic, each with at most one Kafka adapter package. */
    static final List<String> STAGES = List.of("ingest", "enrich", "store");
    /** Modules that wire, carry or test the stages. */
    static final List<String> INFRASTRUCTURE = List.of("model", "kafka", "broker", "testkit", "app");
    /** Modules that are not on app's class path, so not checked here, with the reason. */
    static final List<String> UNCHECKED = List.of(
            "benchmarks" /* JMH benchmarks of enrich's domain code: depends on enrich and model only (see its pom) */);

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.newsmon");
    }

    static String[] kafkaUsers() {
        List<String> packages = new ArrayList<>(List.of(
                "io.newsmon.kafka..", "io.newsmon.broker..", "io.newsmon.testkit..", "io.newsmon.app.."));
        STAGES.forEach(stage -> packages.add(adapter(stage)));
        return packages.toArray(String[]::new);
    }

    static String adapter(String stage) {
        return "io.newsmon." + stage + ".kafka..";
    }

    static String module(String name) {
        return "io.newsmon." + name + "..";
    }

    static ArchRule onlyAdaptersUseKafka() {
        return noClasses().that().resideInAPackage("io.newsmon..")
                .and().resideOutsideOfPackages(kafkaUsers())
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.newsmon.kafka..")
                .because("domain code never imports Kafka: a stage's Kafka adapter lives in io.newsmon.<stage>.kafka");
    }

    static ArchRule stageUsesNoOtherStage(String stage) {
        List<String> others = new ArrayList<>();
        STAGES.stream().filter(other -> !other.equals(stage)).forEach(other -> others.add(module(other)));
        others.add(module("app"));
        return noClasses().that().resideInAPackage(module(stage))
                .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                .because("no stage imports another: stages meet only in messages (model) and are wired by app");
    }

    static ArchRule stagesAreIndependent() {
        return CompositeArchRule.of(STAGES.stream().map(ArchitectureTest::stageUsesNoOtherStage).toList());
    }

    static ArchRule modelUsesNoStage() {
        List<String> forbidden = new ArrayList<>(List.of(
                "org.apache.kafka..", module("kafka"), module("broker"), module("app"), module("testkit")));
        STAGES.forEach(stage -> forbidden.add(module(stage)));
        return noClasses().that().resideInAPackage(module("model"))
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .because("model holds the messages every stage shares, so it depends on none of them");
    }

    static ArchRule kafkaUsesNoStage() {
        List<String> forbidden = new ArrayList<>(List.of(module("app")));
        STAGES.forEach(stage -> forbidden.add(module(stage)));
        return noClasses().that().resideInAPackage(module("kafka"))
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .because("the kafka module is plumbing that every stage's adapter uses");
    }

    static ArchRule nothingInProductionUsesTestkit() {
        return noClasses().that().resideOutsideOfPackage(module("testkit"))
                .should().dependOnClassesThat().resideInAPackage(module("testkit"))
                .because("testkit holds test helpers (embedded broker for tests, PostgreSQL probes)");
    }

    static ArchRule onlyNewsmonUsesTheBench() {
        String bench = "io.newsmon.app.bench..";
        return classes().that().resideInAPackage(bench)
                .should(onlyHaveDependentsWhere(dependencyOrigin(resideInAPackage(bench))
                        .or(dependency(Newsmon.class, BenchCommand.class))))
                .because("the bench and its synthetic sites are no part of the production wiring: only Newsmon"
                        + " registers BenchCommand");
    }

    @Test
    void onlyKafkaAdaptersUseKafka() {
        onlyAdaptersUseKafka().check(production);
    }

    @Test
    void noStageUsesAnother() {
        stagesAreIndependent().check(production);
    }

    @Test
    void modelDependsOnNoStageAndNoKafka() {
        modelUsesNoStage().check(production);
    }

    @Test
    void kafkaModuleDependsOnNoStage() {
        kafkaUsesNoStage().check(production);
    }

    @Test
    void productionCodeDoesNotUseTestkit() {
        nothingInProductionUsesTestkit().check(production);
    }

    @Test
    void onlyNewsmonUsesTheBenchToRegisterItsCommand() {
        onlyNewsmonUsesTheBench().check(production);
        assertThat(production.get(Newsmon.class).getDirectDependenciesFromSelf())
                .as("the one dependency the rule lets through is there, so the rule sees annotation parameters")
                .anyMatch(dependency(Newsmon.class, BenchCommand.class));
    }

    @Test
    void everyModuleIsClassified() throws IOException {
        Set<String> classified = new TreeSet<>(STAGES);
        classified.addAll(INFRASTRUCTURE);
        classified.addAll(UNCHECKED);
        assertThat(rootPomModules())
                .as("every module in the root pom.xml is a stage or infrastructure in ArchitectureTest")
                .isSubsetOf(classified);

        Set<String> topLevelPackages = new TreeSet<>();
        for (JavaClass type : production) {
            String[] parts = type.getPackageName().split("\\.");
            if (parts.length >= 3) {
                topLevelPackages.add(parts[2]);
            }
        }
        assertThat(topLevelPackages)
                .as("every io.newsmon.<name> package on app's class path is a stage or infrastructure")
                .containsExactlyInAnyOrderElementsOf(concat(STAGES, INFRASTRUCTURE));
    }

    @Test
    void everyStageHasItsAdapterPackageAndTheRulesSeeIt() {
        for (String stage : STAGES) {
            assertThat(production.stream().anyMatch(type -> type.getPackageName().equals("io.newsmon." + stage + ".kafka")))
                    .as("io.newsmon.%s.kafka holds the stage's Kafka adapter", stage)
                    .isTrue();
        }
    }

    /** The rules catch what they are written for: classes under test/.../archfixture break each once. */
    @Test
    void theRulesFailOnAViolation() {
        JavaClasses fixtures = new ClassFileImporter().importPackages(
                "io.newsmon.ingest.archfixture", "io.newsmon.enrich.archfixture", "io.newsmon.model.archfixture");
        assertThat(fixtures).isNotEmpty();

        assertThat(onlyAdaptersUseKafka().evaluate(fixtures).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line)
                        .contains("io.newsmon.ingest.archfixture.DomainUsingKafka")
                        .contains("org.apache.kafka"));
        assertThat(stageUsesNoOtherStage("enrich").evaluate(fixtures).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line)
                        .contains("io.newsmon.enrich.archfixture.StageUsingAnotherStage")
                        .contains("io.newsmon.store"));
        assertThat(modelUsesNoStage().evaluate(fixtures).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line)
                        .contains("io.newsmon.model.archfixture.ModelUsingAStage")
                        .contains("io.newsmon.ingest"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static List<String> rootPomModules() throws IOException {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            modules.add(module.group(1).trim());
        }
        assertThat(modules).as("modules listed in ../pom.xml").isNotEmpty();
        return modules;
    }
}
