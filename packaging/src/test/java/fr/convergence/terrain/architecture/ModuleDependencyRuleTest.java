package fr.convergence.terrain.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dependency rule of DESIGN.md, checked over the classes of every module (this module sees them all):
 * core and protocol depend on nothing of ours, client on core + protocol, hub on core + protocol, nothing on
 * app or hub; JavaFX only in app; jOOQ only in store packages; views never reach the store; and inside every
 * module, no two packages need each other.
 */
class ModuleDependencyRuleTest {

    private static final String CORE = "fr.convergence.terrain.core..";
    private static final String PROTOCOL = "fr.convergence.terrain.sync.protocol..";
    private static final String CLIENT = "fr.convergence.terrain.sync.client..";
    private static final String HUB = "fr.convergence.terrain.hub..";
    private static final String APP = "fr.convergence.terrain.app..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.convergence.terrain");
    }

    /** Guards the rules below against passing vacuously after a package is renamed. */
    @Test
    void everyModuleIsImported() {
        for (String module : new String[] {CORE, PROTOCOL, CLIENT, HUB, APP}) {
            String prefix = module.substring(0, module.length() - 2);
            assertThat(classes.stream().map(c -> c.getPackageName())).as(module)
                    .anyMatch(p -> p.equals(prefix) || p.startsWith(prefix + "."));
        }
    }

    @Test
    void coreDependsOnNothingOfOurs() {
        check(noClasses().that().resideInAPackage(CORE).should().dependOnClassesThat()
                .resideInAnyPackage(PROTOCOL, CLIENT, HUB, APP)
                .because("core holds the domain and rules that every other module reuses"));
    }

    @Test
    void protocolDependsOnNothingOfOurs() {
        check(noClasses().that().resideInAPackage(PROTOCOL).should().dependOnClassesThat()
                .resideInAnyPackage(CORE, CLIENT, HUB, APP)
                .because("the wire format must stay independent of the domain model so both can evolve"));
    }

    @Test
    void clientUsesOnlyCoreAndProtocol() {
        check(noClasses().that().resideInAPackage(CLIENT).should().dependOnClassesThat()
                .resideInAnyPackage(HUB, APP)
                .because("the laptop's sync engine must not know the hub's internals or the UI"));
    }

    @Test
    void hubUsesOnlyCoreAndProtocol() {
        check(noClasses().that().resideInAPackage(HUB).should().dependOnClassesThat()
                .resideInAnyPackage(CLIENT, APP)
                .because("the hub reuses the domain rules, never the laptop's engine or UI"));
    }

    @Test
    void nothingDependsOnAppOrHub() {
        check(noClasses().that().resideOutsideOfPackage(APP).should().dependOnClassesThat().resideInAPackage(APP)
                .because("app is the top of the graph"));
        check(noClasses().that().resideOutsideOfPackage(HUB).should().dependOnClassesThat().resideInAPackage(HUB)
                .because("the hub is deployed on its own"));
    }

    @Test
    void javaFxOnlyInApp() {
        check(noClasses().that().resideOutsideOfPackage(APP).should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..")
                .because("only the desktop application has a user interface"));
    }

    @Test
    void jooqOnlyInStorePackages() {
        check(noClasses().that().resideOutsideOfPackage("..store..").should().dependOnClassesThat()
                .resideInAPackage("org.jooq..")
                .because("SQL stays behind repositories so services and views see domain records only"));
    }

    @Test
    void appNeverTouchesSqlDirectly() {
        check(noClasses().that().resideInAPackage(APP).should().dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "org.jooq..", "org.sqlite..")
                .because("view models call services in core or client, never the database"));
    }

    @Test
    void viewsNeverReachTheStore() {
        check(noClasses().that().resideInAPackage(APP).and().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().resideInAPackage("fr.convergence.terrain.core.store..")
                .because("a view talks to its view model only (MVVM)"));
    }

    @Test
    void corePackagesNeedNoOneAnotherInACircle() {
        checkNoCycles(CORE);
    }

    @Test
    void protocolPackagesNeedNoOneAnotherInACircle() {
        checkNoCycles(PROTOCOL);
    }

    @Test
    void clientPackagesNeedNoOneAnotherInACircle() {
        checkNoCycles(CLIENT);
    }

    @Test
    void hubPackagesNeedNoOneAnotherInACircle() {
        checkNoCycles(HUB);
    }

    @Test
    void appPackagesNeedNoOneAnotherInACircle() {
        checkNoCycles(APP);
    }

    private static void checkNoCycles(String module) {
        slices().assignedFrom(packagesUnder(module.substring(0, module.length() - 2))).should().beFreeOfCycles()
                .because("each concept has one home: two packages that need each other are one concept split in two, "
                        + "or a lower layer reaching up (the shell knows pages only as Page, the application's root "
                        + "package assembles them)")
                .check(classes);
    }

    /**
     * One slice per package right under {@code root} ({@code app.sync}, {@code app.shell}…, with their
     * subpackages), and the root package itself as one more, so that a cycle through {@code Hub}, {@code SyncEngine}
     * or the application's assembly is seen too (a plain {@code matching("root.(*)..")} leaves the root out).
     */
    private static SliceAssignment packagesUnder(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (name.equals(root)) {
                    return SliceIdentifier.of(root);
                }
                if (!name.startsWith(root + ".")) {
                    return SliceIdentifier.ignore();
                }
                String under = name.substring(root.length() + 1);
                return SliceIdentifier.of(root + "." + under.split("\\.")[0]);
            }

            @Override
            public String getDescription() {
                return "packages of " + root;
            }
        };
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(classes);
    }
}
