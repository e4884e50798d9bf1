package fr.convergence.terrain.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.reference.ReferenceData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The TERRAIN_HUB_* variables of the environment file configure the hub; the command line wins over them. */
class EnvironmentDefaultsTest {

    @TempDir
    Path dir;

    private static HubCommand.Serve parseServe(Map<String, String> environment, String... args) {
        CommandLine commandLine = HubCommand.commandLine(environment::get);
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        CommandLine.ParseResult parsed = commandLine.parseArgs(all);
        return parsed.subcommand().commandSpec().commandLine().getCommand();
    }

    @Test
    void serveTakesDatabasePortHostAndKeystoreFromTheEnvironment() {
        HubCommand.Serve serve = parseServe(Map.of(
                "TERRAIN_HUB_DB_URL", "jdbc:postgresql://localhost/terrain_hub",
                "TERRAIN_HUB_DB_USER", "terrain_hub",
                "TERRAIN_HUB_PORT", "8080",
                "TERRAIN_HUB_HOST", "127.0.0.1",
                "TERRAIN_HUB_KEYSTORE", "/etc/terrain-hub/hub.p12"));

        assertThat(serve.database.url).isEqualTo("jdbc:postgresql://localhost/terrain_hub");
        assertThat(serve.database.user).isEqualTo("terrain_hub");
        assertThat(serve.port).isEqualTo(8080);
        assertThat(serve.host).isEqualTo("127.0.0.1");
        assertThat(serve.keystore).isEqualTo(Path.of("/etc/terrain-hub/hub.p12"));
    }

    @Test
    void commandLineWinsOverTheEnvironment() {
        HubCommand.Serve serve = parseServe(Map.of("TERRAIN_HUB_PORT", "8080", "TERRAIN_HUB_HOST", "127.0.0.1"),
                "--port", "9090", "--host", "0.0.0.0");

        assertThat(serve.port).isEqualTo(9090);
        assertThat(serve.host).isEqualTo("0.0.0.0");
    }

    @Test
    void withoutVariablesOrWithEmptyOnesTheBuiltInDefaultsApply() {
        HubCommand.Serve none = parseServe(Map.of());
        HubCommand.Serve empty = parseServe(Map.of("TERRAIN_HUB_PORT", "", "TERRAIN_HUB_KEYSTORE", " "));

        for (HubCommand.Serve serve : new HubCommand.Serve[] {none, empty}) {
            assertThat(serve.port).isEqualTo(8443);
            assertThat(serve.host).isEqualTo("0.0.0.0");
            assertThat(serve.keystore).isNull();
            assertThat(serve.database.url).isNull();
            assertThat(serve.keystorePasswordVariable).isEqualTo("TERRAIN_HUB_KEYSTORE_PASSWORD");
            assertThat(serve.database.passwordVariable).isEqualTo("TERRAIN_HUB_DB_PASSWORD");
        }
    }

    @Test
    void administrationCommandsUseTheDatabaseOfTheEnvironment() throws Exception {
        Path fromEnvironment = dir.resolve("env.db");
        Map<String, String> environment = Map.of("TERRAIN_HUB_DB_URL", "jdbc:sqlite:" + fromEnvironment);
        String worksite = ReferenceData.load().worksites().get(0).id();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int enrol = HubCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), environment::get,
                "enrol", "--worksite", worksite, "--label", "Camille, test");

        assertThat(enrol).as(err.toString()).isZero();
        assertThat(out.toString().trim()).matches("[A-Z0-9]{4}(-[A-Z0-9]{4})+");
        assertThat(fromEnvironment).exists();
    }

    @Test
    void aDatabaseGivenOnTheCommandLineIsUsedInsteadOfTheEnvironmentOne() throws Exception {
        Path fromEnvironment = dir.resolve("env.db");
        Path fromCommandLine = dir.resolve("cli.db");
        Map<String, String> environment = Map.of("TERRAIN_HUB_DB_URL", "jdbc:sqlite:" + fromEnvironment);
        StringWriter err = new StringWriter();

        int devices = HubCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                environment::get, "devices", "--db", "jdbc:sqlite:" + fromCommandLine);

        assertThat(devices).as(err.toString()).isZero();
        assertThat(fromCommandLine).exists();
        assertThat(Files.exists(fromEnvironment)).isFalse();
    }

    @Test
    void enrolmentForAnUnknownWorksiteOrTerritoryIsRefusedWithWhereToFindTheIds() {
        Map<String, String> environment = Map.of("TERRAIN_HUB_DB_URL", "jdbc:sqlite:" + dir.resolve("hub.db"));
        StringWriter err = new StringWriter();

        int worksite = HubCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                environment::get, "enrol", "--worksite", "abej-solidarit", "--label", "typo");
        int territory = HubCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                environment::get, "enrol", "--territory", "lile", "--label", "typo");
        StringWriter out = new StringWriter();
        int known = HubCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), environment::get,
                "enrol", "--territory", "lille", "--label", "Coordination Lille");

        assertThat(worksite).as("an unknown id is a usage error").isEqualTo(2);
        assertThat(territory).isEqualTo(2);
        assertThat(err.toString()).contains("Chantier inconnu\u00a0: abej-solidarit", "Territoire inconnu\u00a0: lile",
                "terrain-hub worksites");
        assertThat(known).isZero();
        assertThat(out.toString()).isNotBlank();
    }

    @Test
    void worksitesListsTheIdsThatEnrolAccepts() {
        StringWriter out = new StringWriter();

        int status = HubCommand.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                Map.<String, String>of()::get, "worksites");

        assertThat(status).isZero();
        assertThat(out.toString()).contains("lille\tLille", "abej-solidarite\tABEJ Solidarité\tLille\tlille");
    }

    @Test
    void anIdleTimeoutUnderOneSecondIsRefusedBeforeAnythingStarts() {
        CommandLine commandLine = HubCommand.commandLine(name -> null);
        java.io.StringWriter err = new java.io.StringWriter();
        commandLine.setErr(new java.io.PrintWriter(err));
        int exit = commandLine.execute("serve", "--idle-timeout", "0", "--db", "jdbc:sqlite:" + dir.resolve("hub.db"));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--idle-timeout\u00a0: au moins 1 seconde");
        assertThat(dir.resolve("hub.db")).as("no database opened").doesNotExist();
        assertThat(parseServe(Map.of()).idleTimeoutSeconds).isEqualTo(300);
    }
}
