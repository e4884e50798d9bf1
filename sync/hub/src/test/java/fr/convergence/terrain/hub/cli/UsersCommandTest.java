package fr.convergence.terrain.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.hub.console.AuditEntry;
import fr.convergence.terrain.hub.console.ConsoleAccount;
import fr.convergence.terrain.hub.console.Totp;
import fr.convergence.terrain.hub.store.JooqHubStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code terrain-hub users add | list | disable}: the console's accounts, for people. */
class UsersCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = HubCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                Map.<String, String>of()::get, args);
        return new Run(exit, out.toString(), err.toString());
    }

    String db() {
        return "jdbc:sqlite:" + dir.resolve("hub.db");
    }

    Path password(String text) throws Exception {
        return Files.writeString(dir.resolve("password-" + text.hashCode()), text + "\nignored second line\n");
    }

    @Test
    void aNationalAccountGetsItsSecondFactorSecretOnceAndItsPasswordHashedAsOnTheLaptops() throws Exception {
        Run add = run("users", "add", "--db", db(), "--login", "nadia", "--name", "Nadia National", "--role",
                "national", "--password-file", password("un mot de passe long").toString());
        assertThat(add.exit()).as(add.err()).isZero();
        Matcher secret = Pattern.compile("Clé secrète\u00a0: ([A-Z2-7]{32})").matcher(add.out());
        assertThat(secret.find()).as(add.out()).isTrue();
        assertThat(add.out()).contains("otpauth://totp/Convergence%20Terrain:nadia?secret=" + secret.group(1)
                + "&issuer=Convergence%20Terrain&algorithm=SHA1&digits=6&period=30");
        try (JooqHubStore store = JooqHubStore.open(db(), null, null)) {
            ConsoleAccount account = store.account("nadia").orElseThrow();
            assertThat(account.totpSecret()).isEqualTo(secret.group(1));
            assertThat(account.password().iterations()).isEqualTo(PasswordHasher.DEFAULT_ITERATIONS);
            assertThat(PasswordHasher.matches("un mot de passe long".toCharArray(), account.password())).isTrue();
            assertThat(Totp.codeAt(account.totpSecret(), 0)).hasSize(6);
            assertThat(store.auditJournal(5)).extracting(AuditEntry::action).containsExactly("account-added");
        }
        Run list = run("users", "list", "--db", db());
        assertThat(list.out()).isEqualTo("nadia\tNadia National\tnational\t-\tTOTP\tactif\n");
        assertThat(list.out()).doesNotContain(secret.group(1));
    }

    @Test
    void aCoordinatorHasAKnownTerritoryAndAccountsCanBeDisabled() throws Exception {
        String file = password("mot de passe de Lille").toString();
        Run missing = run("users", "add", "--db", db(), "--login", "colette", "--name", "Colette", "--role",
                "coordinator", "--password-file", file);
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("--territory");
        Run unknown = run("users", "add", "--db", db(), "--login", "colette", "--name", "Colette", "--role",
                "coordinator", "--territory", "atlantide", "--password-file", file);
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("Territoire inconnu\u00a0: atlantide");
        Run shortPassword = run("users", "add", "--db", db(), "--login", "colette", "--name", "Colette", "--role",
                "coordinator", "--territory", "lille", "--password-file", password("court").toString());
        assertThat(shortPassword.exit()).isEqualTo(1);
        assertThat(shortPassword.err()).contains("12 caractères");
        Run badRole = run("users", "add", "--db", db(), "--login", "colette", "--name", "Colette", "--role",
                "admin", "--password-file", file);
        assertThat(badRole.exit()).isEqualTo(2);

        Run add = run("users", "add", "--db", db(), "--login", "colette", "--name", "Colette", "--role",
                "coordinator", "--territory", "lille", "--password-file", file);
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).doesNotContain("otpauth");
        assertThat(run("users", "add", "--db", db(), "--login", "colette", "--name", "Autre", "--role",
                "coordinator", "--territory", "lille", "--password-file", file).err()).contains("existe déjà");

        assertThat(run("users", "disable", "--db", db(), "colette").exit()).isZero();
        assertThat(run("users", "disable", "--db", db(), "personne").exit()).as("a usage error, as revoke")
                .isEqualTo(2);
        assertThat(run("users", "list", "--db", db()).out())
                .isEqualTo("colette\tColette\tcoordinator\tlille\tmot de passe seul\tDÉSACTIVÉ\n");
    }
}
