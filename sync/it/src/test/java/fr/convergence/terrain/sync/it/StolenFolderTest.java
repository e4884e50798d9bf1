package fr.convergence.terrain.sync.it;

import fr.convergence.terrain.core.account.AccessPolicies;
import fr.convergence.terrain.core.account.AuthService;
import fr.convergence.terrain.core.account.SetupService;
import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.NoteTheme;
import fr.convergence.terrain.core.domain.NoteVisibility;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Partner;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.note.NoteDraft;
import fr.convergence.terrain.core.note.NoteService;
import fr.convergence.terrain.core.participant.ParticipantService;
import fr.convergence.terrain.core.referral.ReferralDraft;
import fr.convergence.terrain.core.referral.ReferralService;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.sync.client.HttpHubClient;
import fr.convergence.terrain.sync.client.SyncEngine;
import fr.convergence.terrain.sync.client.SyncProgress;
import fr.convergence.terrain.sync.client.store.SyncRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's stolen-folder test: a laptop installed, filled and synced through the application's services, then
 * closed; every byte of every file of its data folder is searched for what was typed and for the hub token (as
 * UTF-8, UTF-16 and Base64) and none is found; signing in again gives them all back, so the search looked for
 * values that are really there.
 */
class StolenFolderTest {

    private static final PasswordHasher HASHER = new PasswordHasher(1000);
    private static final String PASSWORD = "cle-du-chantier-2026";
    private static final String SSN = "2 91 07 75 113 048 81";
    private static final String PHONE = "07 61 38 52 94";
    private static final String NOTE = "Orientation vers le CSAPA après l'audience au tribunal de Lille";
    private static final String PURPOSE = "Ouverture des droits à la complémentaire santé solidaire";

    @TempDir
    Path dir;

    @Test
    void aCopiedDataFolderHoldsNoneOfTheTypedSecretsNorTheHubTokenAndSigningInGivesThemBack() throws Exception {
        Path hubDir = Files.createDirectories(dir.resolve("hub"));
        Path dataFolder = Files.createDirectories(dir.resolve("donnees"));
        Path file = dataFolder.resolve("terrain.db");
        Map<String, String> secrets = new LinkedHashMap<>();
        try (SyncWorld world = SyncWorld.sqlite(hubDir)) {
            String participantId;
            try (TerrainStore store = TerrainStore.open(file)) {
                var installation = new SetupService().installWithRecoveryKey(store, HASHER, SyncWorld.SITE_A,
                        "yanis", "Yanis Conseiller", Role.COORDINATOR, PASSWORD.toCharArray(), PASSWORD.toCharArray());
                User yanis = installation.account().value().orElseThrow();
                assertThat(installation.recoveryKey()).isPresent();
                Participant awa = new ParticipantService(new Workstation(store)).create(yanis,
                        new Participant(null, SyncWorld.SITE_A, "Awa", "Diallo", LocalDate.of(1991, 7, 14), PHONE,
                                null, null, SSN, null),
                        new Enrolment(null, null, null, Programme.PHC, ContractType.PHC, LocalDate.now().minusDays(20),
                                null, null, null, null, null, null, null, null)).value().orElseThrow();
                participantId = awa.id();
                var access = AccessPolicies.of(store);
                new NoteService(store, access).create(yanis, new NoteDraft(awa.id(), LocalDate.now(),
                        NoteTheme.SANTE, NoteVisibility.EQUIPE_CHANTIER, NOTE)).value().orElseThrow();
                // The CPAM gets a copy of the social-security number in the referral's shared fields.
                new ReferralService(store, access).create(yanis, new ReferralDraft(awa.id(), Partner.CPAM, null,
                        PURPOSE, ReferralService.usualChecklist(Partner.CPAM))).value().orElseThrow();

                HttpHubClient client = new HttpHubClient(world.url(), null, Duration.ofSeconds(30));
                SyncEngine engine = new SyncEngine(store, client);
                String code = world.hub.enrolments().issueCode("worksite", SyncWorld.SITE_A, "vol", Duration.ofDays(1));
                engine.enrol(world.url().toString(), code, "poste volé");
                engine.sync(SyncProgress.NONE);
                String token = new SyncRepository(store).state(SyncRepository.TOKEN).orElseThrow();
                assertThat(token).hasSizeGreaterThan(20);
                secrets.put("numéro de sécurité sociale", SSN);
                secrets.put("téléphone", PHONE);
                secrets.put("note", NOTE);
                secrets.put("objet de l'orientation", PURPOSE);
                secrets.put("jeton du hub", token);
                // A change left in the queue (outbox) when the laptop is lost: its JSON holds the new phone too.
                new ParticipantService(new Workstation(store)).update(yanis,
                        withPhone(new ParticipantRepository(store).find(awa.id()).orElseThrow(), "06 52 17 84 30"))
                        .value().orElseThrow();
                secrets.put("téléphone en attente d'envoi", "06 52 17 84 30");
            }

            assertThat(Files.exists(file)).as("the folder holds the store").isTrue();
            assertThat(readable(dataFolder, secrets)).as("secrets readable in the copied folder").isEmpty();

            // A second laptop of the worksite receives them by its first sync (rows inserted in batches, sealed as
            // the store's bindings seal them): its folder gives none of them up either, and its owner reads them.
            Path otherFolder = Files.createDirectories(dir.resolve("autre-poste"));
            Path other = otherFolder.resolve("terrain.db");
            try (TerrainStore store = TerrainStore.open(other)) {
                new SetupService().installWithRecoveryKey(store, HASHER, SyncWorld.SITE_A, "ines", "Inès Conseillère",
                        Role.COORDINATOR, PASSWORD.toCharArray(), PASSWORD.toCharArray());
                SyncEngine engine = new SyncEngine(store, new HttpHubClient(world.url(), null, Duration.ofSeconds(30)));
                engine.enrol(world.url().toString(), world.hub.enrolments().issueCode("worksite", SyncWorld.SITE_A,
                        "second", Duration.ofDays(1)), "second poste");
                engine.sync(SyncProgress.NONE);
                assertThat(new ParticipantRepository(store).find(participantId).orElseThrow().socialSecurityNumber())
                        .isEqualTo(SSN);
            }
            Map<String, String> received = new LinkedHashMap<>(secrets);
            received.remove("jeton du hub");
            received.remove("téléphone en attente d'envoi");
            assertThat(readable(otherFolder, received)).as("secrets readable in the second laptop's folder").isEmpty();

            // The same folder, opened by its owner: everything is there.
            try (TerrainStore store = TerrainStore.open(file)) {
                assertThat(new AuthService(store, HASHER).signIn("yanis", PASSWORD.toCharArray())).isPresent();
                Participant awa = new ParticipantRepository(store).find(participantId).orElseThrow();
                assertThat(awa.socialSecurityNumber()).isEqualTo(SSN);
                assertThat(awa.phone()).isEqualTo("06 52 17 84 30");
                assertThat(new SyncRepository(store).state(SyncRepository.TOKEN)).contains(secrets.get("jeton du hub"));
                var notes = new NoteService(store, AccessPolicies.of(store));
                User yanis = new AuthService(store, HASHER).activeUsers().get(0);
                assertThat(notes.notesOf(yanis, participantId)).extracting(n -> n.currentText()).contains(NOTE);
                assertThat(new ReferralService(store, AccessPolicies.of(store)).ofParticipant(yanis, participantId))
                        .singleElement().satisfies(r -> {
                            assertThat(r.purpose()).isEqualTo(PURPOSE);
                            assertThat(r.sharedFields()).containsValue(SSN);
                        });
                // And it still syncs: the token read back opens the hub. Sent: the change left waiting, and the
                // access journal's entry of this sign-in.
                SyncEngine engine = new SyncEngine(store, new HttpHubClient(world.url(), null, Duration.ofSeconds(30)));
                assertThat(engine.sync(SyncProgress.NONE).operationsSent()).isEqualTo(2);
            }
        }
    }

    /** Which secret, in which form, sits readable in which file of {@code folder}. */
    private static List<String> readable(Path folder, Map<String, String> secrets) throws java.io.IOException {
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path path : files) {
            byte[] bytes = Files.readAllBytes(path);
            secrets.forEach((what, value) -> {
                for (Map.Entry<String, byte[]> form : forms(value).entrySet()) {
                    if (indexOf(bytes, form.getValue()) >= 0) {
                        found.add(what + " (" + form.getKey() + ") dans " + path.getFileName());
                    }
                }
            });
        }
        return found;
    }

    private static Participant withPhone(Participant p, String phone) {
        return new Participant(p.id(), p.worksiteId(), p.firstName(), p.lastName(), p.birthDate(), phone, p.email(),
                p.address(), p.socialSecurityNumber(), p.referentName());
    }

    /** The text as it would sit in a file: UTF-8, UTF-16 both ways, and Base64 at the three alignments. */
    private static Map<String, byte[]> forms(String value) {
        Map<String, byte[]> forms = new LinkedHashMap<>();
        forms.put("UTF-8", value.getBytes(StandardCharsets.UTF_8));
        forms.put("UTF-16LE", value.getBytes(StandardCharsets.UTF_16LE));
        forms.put("UTF-16BE", value.getBytes(StandardCharsets.UTF_16BE));
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        for (int shift = 0; shift < 3; shift++) {
            // Inside a longer Base64 text the value's encoding depends on its offset modulo 3; the characters that
            // depend only on the value itself are the middle ones.
            byte[] padded = new byte[utf8.length + shift];
            System.arraycopy(utf8, 0, padded, shift, utf8.length);
            String encoded = Base64.getEncoder().encodeToString(padded);
            int from = shift == 0 ? 0 : 4;
            int to = encoded.length() - 4;
            forms.put("Base64/" + shift, encoded.substring(from, to).getBytes(StandardCharsets.US_ASCII));
        }
        return forms;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
