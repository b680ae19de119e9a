package dev.autouser;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of DESIGN.md §4 as ArchUnit rules over a root package, so the same rules check the
 * product ({@code dev.autouser}) and a planted fixture that must break them:
 * {@code app} above {@code cli} and {@code ui}; in the GUI, {@code ui.app}/{@code ui.shell} (window,
 * wiring) above the pages above {@code ui.support}; {@code sandbox} and {@code core} below all;
 * no package cycles anywhere.
 */
final class ArchitectureRules {
    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    List<ArchRule> all() {
        return List.of(noPackageCycles(), coreIsBelowEverything(), sandboxIsBelowCliAndUi(), cliKnowsNoGui(),
                guiKnowsNoCli(), uiSupportIsBelowPages(), pagesNeverComposeEachOther(), pagesNeverReachTheWindow(),
                enginesKnowNoOtherEngine());
    }

    ArchRule noPackageCycles() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .because("package cycles make every package depend on every other");
    }

    ArchRule coreIsBelowEverything() {
        return noClasses().that().resideInAPackage(root + ".core..").should().dependOnClassesThat()
                .resideInAnyPackage(root + ".app..", root + ".cli..", root + ".ui..", root + ".sandbox..", "javafx..")
                .because("core is used by the CLI, the GUI and the tests alike");
    }

    ArchRule sandboxIsBelowCliAndUi() {
        return noClasses().that().resideInAPackage(root + ".sandbox..").should().dependOnClassesThat()
                .resideInAnyPackage(root + ".app..", root + ".cli..", root + ".ui..");
    }

    ArchRule cliKnowsNoGui() {
        return noClasses().that().resideInAPackage(root + ".cli..").should().dependOnClassesThat()
                .resideInAnyPackage(root + ".app..", root + ".ui..", "javafx..")
                .because("app.Main chooses GUI or CLI; the CLI must start without JavaFX");
    }

    ArchRule guiKnowsNoCli() {
        return noClasses().that().resideInAPackage(root + ".ui..").should().dependOnClassesThat()
                .resideInAnyPackage(root + ".app..", root + ".cli..");
    }

    /** Issue 14: PostgreSQL concerns never leak into MongoDB code, nor the other way round. */
    ArchRule enginesKnowNoOtherEngine() {
        return slices().matching(root + ".core.(mongo|postgres)..").should().notDependOnEachOther()
                .because("each engine package says only what differs for its engine; shared things live in core");
    }

    ArchRule uiSupportIsBelowPages() {
        return noClasses().that().resideInAPackage(root + ".ui.support..").should().dependOnClassesThat(
                resideInAPackage(root + ".ui..").and(not(resideInAPackage(root + ".ui.support.."))))
                .because("background work, dialogs and theme serve every page and know none");
    }

    ArchRule pagesNeverComposeEachOther() {
        return slices().matching(root + ".ui.(*)..").that(pages()).should().notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAnyPackage(windowPackages()))
                .ignoreDependency(alwaysTrue(), resideInAPackage(root + ".ui.support.."))
                .because("the window (ui.app) composes pages; a page composing another is a hidden second root");
    }

    ArchRule pagesNeverReachTheWindow() {
        return noClasses().that(pageClasses()).should().dependOnClassesThat().resideInAnyPackage(windowPackages());
    }

    private String[] windowPackages() {
        return new String[] {root + ".ui.app..", root + ".ui.shell.."};
    }

    private DescribedPredicate<JavaClass> pageClasses() {
        return resideInAPackage(root + ".ui..")
                .and(not(resideInAnyPackage(root + ".ui", root + ".ui.support..")))
                .and(not(resideInAnyPackage(windowPackages())))
                .as("classes of a page (a ui feature package)");
    }

    private DescribedPredicate<com.tngtech.archunit.library.dependencies.Slice> pages() {
        return DescribedPredicate.describe("pages", slice -> slice.stream().anyMatch(pageClasses()));
    }
}
