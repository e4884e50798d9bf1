package fr.convergence.terrain.app.cli;

import fr.convergence.terrain.core.account.AccessPolicies;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.NoteVisibility;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.participant.ParticipantFile;
import fr.convergence.terrain.core.participant.ParticipantFileService;
import fr.convergence.terrain.core.print.PrintCatalogService;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.UserRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line acts as a person: every command that reads or writes personal data names an account, signs it in
 * with its password (from a file, a variable or the console) before reading anything, and applies its rights.
 */
class PersonOptionsTest {

    @TempDir
    static Path dir;
    static Path store;
    static String worksiteId;
    static Participant participant;
    static SupportNote reserved;
    static String referralId;
    static String referralPurpose;

    @BeforeAll
    static void demo() {
        store = dir.resolve("demo.db");
        try (TerrainStore s = TerrainStore.open(store)) {
            worksiteId = new DemoDataGenerator(11, LocalDate.now()).generate(s, DemoSize.SITE, new PasswordHasher(1000))
                    .worksiteIds().get(0);
            AccessPolicy access = AccessPolicies.of(s);
            // As the CIP the commands act as sees them: archived files (support ended long ago) are refused to her.
            User cip = new UserRepository(s).findByLogin("cip").orElseThrow();
            ParticipantFileService files = new ParticipantFileService(s, access);
            for (Participant p : new PrintCatalogService(s, access).participants(cip, worksiteId)) {
                ParticipantFile file = files.load(cip, p.id());
                var note = file.notes().stream()
                        .filter(n -> n.visibility() == NoteVisibility.CIP_ET_COORDINATION).findFirst();
                if (note.isPresent() && !file.referrals().isEmpty() && p.socialSecurityNumber() != null) {
                    participant = p;
                    reserved = note.get();
                    referralId = file.referrals().get(0).id();
                    referralPurpose = file.referrals().get(0).purpose();
                    break;
                }
            }
        }
        assertThat(participant).as("a demo participant with a NIR, a CIP-only note and a referral").isNotNull();
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static String start(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.substring(0, Math.min(25, flat.length()));
    }

    private static Cli.Run followUp(String user, Path out) {
        return Cli.run(Cli.DEMO_SCRIPT, "print", "follow-up", "--store", store.toString(), "--participant",
                participant.id(), "--note", reserved.id(), "--user", user, "--out", out.toString());
    }

    @Test
    void anEspPrintsAFollowUpSheetWithoutTheCipOnlyNoteNorTheReferralDetailsAndNoReferralForm() throws Exception {
        Path asEsp = dir.resolve("suivi-esp.pdf");
        Path asCip = dir.resolve("suivi-cip.pdf");
        Path form = dir.resolve("orientation-esp.pdf");

        assertThat(followUp("esp", asEsp).code()).isZero();
        assertThat(followUp("cip", asCip).code()).isZero();
        Cli.Run referral = Cli.run(Cli.DEMO_SCRIPT, "print", "referral", "--store", store.toString(), "--referral",
                referralId, "--user", "esp", "--out", form.toString());

        assertThat(text(asCip)).contains(start(reserved.currentText())).contains(start(referralPurpose));
        assertThat(text(asEsp)).doesNotContain(start(reserved.currentText())).doesNotContain(start(referralPurpose))
                .doesNotContain(participant.socialSecurityNumber()).contains(AccessPolicy.HIDDEN_DETAIL);
        assertThat(referral.code()).isEqualTo(1);
        assertThat(referral.err()).contains("fiche d’orientation est réservée à la CIP et à la coordination");
        assertThat(form).doesNotExist();
    }

    @Test
    void everyCommandThatReadsPersonalDataNeedsAnAccountThereIsNoDefault() {
        List<List<String>> commands = List.of(
                List.of("print", "follow-up", "--participant", "p", "--out", dir.resolve("a.pdf").toString()),
                List.of("print", "attendance", "--worksite", "w", "--week", "2026-W12", "--out",
                        dir.resolve("b.pdf").toString()),
                List.of("print", "referral", "--referral", "r", "--out", dir.resolve("c.pdf").toString()),
                List.of("report", "--worksite", "abej-solidarite"),
                List.of("edit", "hours", "--oldest", "--minutes", "15"),
                List.of("sync", "--hub", "http://127.0.0.1:9"));
        for (List<String> command : commands) {
            String[] args = withStore(command);
            Cli.Run run = Cli.run(Cli.DEMO_SCRIPT, args);
            assertThat(run.code()).as(String.join(" ", command)).isEqualTo(PersonOptions.USAGE);
            assertThat(run.err()).as(String.join(" ", command)).contains("Indiquez le compte au nom duquel agir");
        }
        assertThat(Files.exists(dir.resolve("a.pdf"))).isFalse();
    }

    private static String[] withStore(List<String> command) {
        // "edit --store" is an option of the parent command; the others take it on the subcommand.
        List<String> args = new java.util.ArrayList<>(command);
        int at = command.get(0).equals("print") ? 2 : 1;
        args.addAll(at, List.of("--store", store.toString()));
        return args.toArray(String[]::new);
    }

    @Test
    void thePasswordComesFromAFileAVariableOrTheConsoleInThatOrder() throws Exception {
        Path file = Files.writeString(dir.resolve("mdp.txt"), DemoDataGenerator.DEMO_PASSWORD + "\nligne ignorée\n");
        String[] report = {"report", "--store", store.toString(), "--worksite", "abej-solidarite", "--user", "cip"};

        Cli.Run fromFile = Cli.run(Cli.NOTHING, concat(report, "--password-file", file.toString()));
        Cli.Run fromNamedVariable = Cli.run(Cli.terminal(Map.of("MDP_CIP", DemoDataGenerator.DEMO_PASSWORD), null),
                concat(report, "--password-env", "MDP_CIP"));
        Cli.Run fromDefaultVariable = Cli.run(Cli.DEMO_SCRIPT, report);
        Cli.Run typed = Cli.run(Cli.terminal(Map.of(), DemoDataGenerator.DEMO_PASSWORD), report);
        Cli.Run noConsole = Cli.run(Cli.NOTHING, report);
        Cli.Run missingVariable = Cli.run(Cli.DEMO_SCRIPT, concat(report, "--password-env", "ABSENTE"));

        for (Cli.Run run : List.of(fromFile, fromNamedVariable, fromDefaultVariable, typed)) {
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("File active");
        }
        assertThat(fromDefaultVariable.prompts()).isEmpty();
        assertThat(typed.prompts()).containsExactly("Mot de passe de «\u00a0cip\u00a0»\u00a0: ");
        assertThat(noConsole.code()).isEqualTo(PersonOptions.USAGE);
        assertThat(noConsole.err()).contains("Pas de terminal pour demander le mot de passe de «\u00a0cip\u00a0»",
                "--password-file FICHIER", "TERRAIN_PASSWORD");
        assertThat(missingVariable.code()).isEqualTo(PersonOptions.USAGE);
        assertThat(missingVariable.err()).contains("ABSENTE");
    }

    @Test
    void aWrongPasswordReadsNothingAndSaysWhenToTryAgain() throws Exception {
        Path out = dir.resolve("refuse.pdf");
        Cli.Run wrong = Cli.run(Cli.terminal(Map.of("TERRAIN_PASSWORD", "pas-le-bon-mot"), null), "print",
                "follow-up", "--store", store.toString(), "--participant", participant.id(), "--user", "coordination",
                "--out", out.toString());
        Cli.Run during = Cli.run(Cli.DEMO_SCRIPT, "print", "follow-up", "--store", store.toString(),
                "--participant", participant.id(), "--user", "coordination", "--out", out.toString());

        assertThat(wrong.code()).isEqualTo(PersonOptions.SIGN_IN_REFUSED);
        assertThat(wrong.err()).contains("Identifiant ou mot de passe incorrect pour «\u00a0coordination\u00a0»",
                "rien n’a été lu", "Prochain essai possible dans 1 s").doesNotContain("Exception");
        assertThat(wrong.out()).isEmpty();
        // Straight after, even the right password waits out the delay (it started under a second ago).
        assertThat(during.code()).isEqualTo(PersonOptions.SIGN_IN_REFUSED);
        assertThat(during.err()).contains("attendez 1 s avant de réessayer");
        assertThat(out).doesNotExist();
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
