package fr.convergence.terrain.app.data;

import fr.convergence.terrain.app.TestAccounts;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sign-in screen reads of the store — whether it has accounts, which ones, the laptop's worksite, the demo
 * marker: the calls {@code AppFlow} and {@code SignInViewModel} make — loads neither jOOQ's implementation nor the
 * generated schema, whose first use costs ≈ 0.5–1 s in a fresh process; {@link Services#prepareQueries} loads them
 * afterwards, while the person types (docs/performance.md, « Startup »). Run in a fresh JVM that logs every class it
 * loads.
 */
class SignInScreenReadsTest {

    private static final String SCREEN_READ = "--- sign-in screen read ---";
    private static final String QUERY_LIBRARY = "] org.jooq.";
    private static final String GENERATED_SCHEMA = "] fr.convergence.terrain.core.store.generated.";

    @TempDir
    Path dir;

    @Test
    void theSignInScreensReadsLoadNoQueryLibraryClassAndPreparingTheQueriesLoadsIt() throws Exception {
        Path file = dir.resolve("terrain.db");
        try (TerrainStore store = TerrainStore.open(file)) {
            TestAccounts.install(store, new PasswordHasher(1000), "abej-solidarite", "camille", "Camille Martin",
                    Role.ESP);
        }

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"), SignInScreen.class.getName(),
                file.toString()).redirectErrorStream(true).start();
        List<String> lines;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            lines = output.lines().collect(Collectors.toList());
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(String.join("\n", lines.stream().filter(l -> !l.contains("[class,load]"))
                .toList())).isZero();

        int screenRead = lines.indexOf(SCREEN_READ);
        assertThat(screenRead).as("the child's marker").isPositive();
        List<String> beforeScreen = lines.subList(0, screenRead);
        List<String> afterScreen = lines.subList(screenRead, lines.size());
        assertThat(beforeScreen).contains("accounts: true", "users: Camille Martin, Installation du poste",
                "demo: false", "worksite: ABEJ Solidarité");
        // Neither jOOQ's implementation nor the generated schema, whose loading and set-up is the cost (≈ 870
        // classes); the bytecode verifier loads some of jOOQ's interfaces named in our store classes (6 to 23 seen),
        // and their public types only.
        assertThat(beforeScreen).noneMatch(line -> line.contains(QUERY_LIBRARY + "impl.")
                || line.contains(GENERATED_SCHEMA));
        assertThat(beforeScreen.stream().filter(line -> line.contains(QUERY_LIBRARY)))
                .allMatch(line -> line.matches(".*\\] org\\.jooq\\.(exception\\.)?[A-Z][\\w$]* source: .*"));
        assertThat(afterScreen).anyMatch(line -> line.contains(QUERY_LIBRARY + "impl.DSL "))
                .anyMatch(line -> line.contains(GENERATED_SCHEMA));
    }

    /** The child: opens the store as {@code AppFlow} does, makes the sign-in screen's reads, then prepares queries. */
    public static final class SignInScreen {
        public static void main(String[] args) {
            try (Services services = Services.open(Path.of(args[0]), new PasswordHasher(1000), Clock.systemUTC())) {
                System.out.println("accounts: " + services.auth().hasUsers());
                System.out.println("users: " + services.auth().activeUsers().stream().map(User::displayName)
                        .collect(Collectors.joining(", ")));
                System.out.println("demo: " + services.workstation().demo());
                System.out.println("worksite: " + services.workstation().worksite().map(Worksite::name).orElse(""));
                System.out.println(SCREEN_READ);
                System.out.flush();
                services.prepareQueries();
            }
        }
    }
}
