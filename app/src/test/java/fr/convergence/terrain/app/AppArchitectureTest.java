package fr.convergence.terrain.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class AppArchitectureTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.convergence.terrain.app");

    @Test
    void screensReachDataOnlyThroughCoreServices() {
        noClasses().that().resideOutsideOfPackages("..app.data..", "..app.cli..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("..core.store..", "org.jooq..",
                        "java.sql..").and(DescribedPredicate.not(JavaClass.Predicates.simpleName("StoreException"))))
                .because("views talk to view models and view models to core services; only app.data opens the store"
                        + " (a StoreException's French message may still be shown)")
                .check(APP);
    }

    @Test
    void viewModelsHaveNoControlsSoTheyAreTestableWithoutAWindow() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene", "javafx.scene.control..",
                        "javafx.scene.layout..", "javafx.stage..")
                .because("view models expose properties (an image of a page is data); the view builds the controls")
                .check(APP);
    }

    @Test
    void theEntryPointLoadsNoJavaFx() {
        noClasses().that().haveFullyQualifiedName("fr.convergence.terrain.app.Main")
                .or().resideInAPackage("..app.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the command line must work on machines without a display or the toolkit")
                .check(APP);
    }

    @Test
    void screensShowCoreEnumsInTheirLanguageNotTheFrenchLabel() {
        noClasses().that().resideOutsideOfPackages("..app.print..", "..app.cli..")
                .should(new ArchCondition<JavaClass>("call or refer to label() of a core enum") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        Stream.concat(item.getMethodCallsFromSelf().stream(),
                                        item.getMethodReferencesFromSelf().stream())
                                .filter(access -> access.getName().equals("label")
                                        && access.getTargetOwner().isEnum()
                                        && access.getTargetOwner().getPackageName().startsWith(
                                                "fr.convergence.terrain.core"))
                                .forEach(access -> events.add(SimpleConditionEvent.satisfied(access,
                                        access.getDescription())));
                    }
                })
                .because("label() is the French label for the core's documents; screens use I18n.label(value), "
                        + "which follows the screens' language")
                .check(APP);
    }
}
