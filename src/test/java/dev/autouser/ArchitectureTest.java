package dev.autouser;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The product keeps the layering of DESIGN.md §4; the planted fixture proves each rule can fail. */
class ArchitectureTest {
    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.autouser");
    private static final JavaClasses PLANTED = new ClassFileImporter().importPackages("dev.autouser.archfixture");
    private static final ArchitectureRules RULES = new ArchitectureRules("dev.autouser");
    private static final ArchitectureRules FIXTURE_RULES = new ArchitectureRules("dev.autouser.archfixture");

    @TestFactory
    Stream<DynamicTest> productKeepsEveryRule() {
        return RULES.all().stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(PRODUCT)));
    }

    @Test
    void productClassesWereFound() {
        // A wrong root or import option would make every rule pass vacuously.
        assertTrue(PRODUCT.containPackage("dev.autouser.core.mongo"));
        assertTrue(PRODUCT.containPackage("dev.autouser.ui.app"));
        assertTrue(PRODUCT.stream().noneMatch(c -> c.getPackageName().startsWith("dev.autouser.archfixture")));
    }

    /** A search for a class name finds one thing: no two product classes share a simple name. */
    @Test
    void everyTopLevelClassNameIsFoundOnce() {
        Map<String, List<String>> byName = PRODUCT.stream().filter(c -> c.isTopLevelClass())
                .collect(Collectors.groupingBy(c -> c.getSimpleName(),
                        Collectors.mapping(c -> c.getName(), Collectors.toList())));
        Map<String, List<String>> clashes = byName.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), clashes, "rename one of each pair so the name says which it is");
    }

    @Test
    void plantedCycleIsCaught() {
        assertViolated(FIXTURE_RULES.noPackageCycles());
    }

    @Test
    void plantedUpwardDependencyIsCaught() {
        assertViolated(FIXTURE_RULES.coreIsBelowEverything());
    }

    @Test
    void plantedEngineKnowingTheOtherEngineIsCaught() {
        assertViolated(FIXTURE_RULES.enginesKnowNoOtherEngine());
    }

    @Test
    void plantedPageComposingAnotherPageIsCaught() {
        assertViolated(FIXTURE_RULES.pagesNeverComposeEachOther());
    }

    @Test
    void plantedSupportKnowingAPageIsCaught() {
        assertViolated(FIXTURE_RULES.uiSupportIsBelowPages());
    }

    private static void assertViolated(ArchRule rule) {
        assertTrue(rule.evaluate(PLANTED).hasViolation(), () -> "the planted fixture should break: " + rule.getDescription());
    }
}
