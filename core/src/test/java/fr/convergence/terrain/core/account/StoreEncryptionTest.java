package fr.convergence.terrain.core.account;

import fr.convergence.terrain.core.audit.AuditEntry;
import fr.convergence.terrain.core.audit.AuditFilter;
import fr.convergence.terrain.core.audit.AuditJournal;
import fr.convergence.terrain.core.domain.AuditAction;
import fr.convergence.terrain.core.domain.AuditEvent;
import fr.convergence.terrain.core.domain.NoteTheme;
import fr.convergence.terrain.core.domain.NoteVisibility;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.fixtures.ServiceFixtures;
import fr.convergence.terrain.core.note.NoteDraft;
import fr.convergence.terrain.core.note.NoteService;
import fr.convergence.terrain.core.participant.ParticipantService;
import fr.convergence.terrain.core.security.RecoveryKey;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.StoreException;
import fr.convergence.terrain.core.store.TerrainStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static fr.convergence.terrain.core.fixtures.ServiceFixtures.FAST_HASHER;
import static fr.convergence.terrain.core.fixtures.ServiceFixtures.WORKSITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store's data key (ADR 0005): who opens it, how, and that a password change does not touch the data. */
class StoreEncryptionTest {

    private static final String SSN = "1 84 12 75 114 052 35";
    private static final String PHONE = "06 48 21 93 57";
    private static final String NOTE = "Rendez-vous au CMP pour le suivi psychiatrique";

    @TempDir
    Path dir;

    /**
     * Two minutes later at each reading: the delay after a wrong password (1 s, doubling) has always passed at the
     * next try, which these tests make at once.
     */
    private static final Clock PATIENT = new Clock() {
        private final AtomicLong now = new AtomicLong(Instant.parse("2026-03-02T08:00:00Z").toEpochMilli());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.addAndGet(120_000));
        }
    };

    private Path file() {
        return dir.resolve("terrain.db");
    }

    /** An installed laptop (administrator "alice") with one participant and one note; returns the recovery key. */
    private RecoveryKey installWithData(TerrainStore store) {
        var installation = new SetupService().installWithRecoveryKey(store, FAST_HASHER, WORKSITE, "alice",
                "Alice Admin", Role.ADMIN, "lune-rouge-mardi".toCharArray(), "lune-rouge-mardi".toCharArray());
        User alice = installation.account().value().orElseThrow();
        Participant created = new ParticipantService(new Workstation(store)).create(alice,
                new Participant(null, WORKSITE, "Awa", "Diallo", java.time.LocalDate.of(1984, 12, 2), PHONE, null,
                        null, SSN, null), ServiceFixtures.phc(ServiceFixtures.TODAY.minusDays(30)))
                .value().orElseThrow();
        new NoteService(store, AccessPolicies.of(store)).create(alice, new NoteDraft(created.id(),
                ServiceFixtures.TODAY, NoteTheme.SANTE, NoteVisibility.EQUIPE_CHANTIER, NOTE)).value().orElseThrow();
        return installation.recoveryKey().orElseThrow();
    }

    private static Participant awa(TerrainStore store) {
        ParticipantRepository participants = new ParticipantRepository(store);
        return participants.ofWorksite(WORKSITE).get(0);
    }

    @Test
    void aReopenedStoreIsLockedUntilTheRightPasswordAndAWrongOneOpensNothing() {
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            installWithData(store);
        }
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            AuthService auth = new AuthService(store, FAST_HASHER, PATIENT);
            assertThat(store.isEncrypted()).isTrue();
            assertThat(store.isUnlocked()).isFalse();
            // The sign-in list stays readable before anyone signs in.
            assertThat(auth.activeUsers()).extracting(User::login).containsExactly("alice");
            assertThatThrownBy(() -> awa(store)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("connectez-vous");

            assertThat(auth.signIn("alice", "pont-bleu-jeudi".toCharArray())).isEmpty();
            assertThat(store.isUnlocked()).isFalse();
            assertThatThrownBy(() -> awa(store)).isInstanceOf(StoreException.class);

            assertThat(auth.signIn("alice", "lune-rouge-mardi".toCharArray())).isPresent();
            assertThat(store.isUnlocked()).isTrue();
            assertThat(awa(store).socialSecurityNumber()).isEqualTo(SSN);
            assertThat(awa(store).phone()).isEqualTo(PHONE);
        }
    }

    @Test
    void theRecoveryKeyOpensTheStoreAndSetsANewPassword() {
        RecoveryKey recovery;
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            recovery = installWithData(store);
        }
        // Typed back by a person: lower case, spaces instead of dashes.
        String typed = recovery.groups().toLowerCase().replace('-', ' ');
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            AuthService auth = new AuthService(store, FAST_HASHER, PATIENT);
            String wrongKey = RecoveryKey.generate().groups();
            var refused = auth.recover("alice", wrongKey, "nouveaumdp1".toCharArray(), "nouveaumdp1".toCharArray());
            assertThat(refused.saved()).isFalse();
            assertThat(refused.verdict().text()).contains("clé de secours");
            assertThat(store.isUnlocked()).isFalse();
            // The right key with a password the rules refuse: refused, and the store stays locked.
            var weak = auth.recover("alice", typed, "court".toCharArray(), "court".toCharArray());
            assertThat(weak.saved()).isFalse();
            assertThat(store.isUnlocked()).isFalse();

            var recovered = auth.recover("alice", typed, "nouveaumdp1".toCharArray(), "nouveaumdp1".toCharArray());
            assertThat(recovered.saved()).isTrue();
            assertThat(awa(store).socialSecurityNumber()).isEqualTo(SSN);
        }
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            AuthService auth = new AuthService(store, FAST_HASHER, PATIENT);
            assertThat(auth.signIn("alice", "lune-rouge-mardi".toCharArray())).isEmpty();
            assertThat(auth.signIn("alice", "nouveaumdp1".toCharArray())).isPresent();
            assertThat(awa(store).phone()).isEqualTo(PHONE);
        }
    }

    @Test
    void aManagerResetsAForgottenPasswordAndTheNewOneOpensTheKeyWithoutReEncryptingData() throws Exception {
        String esp;
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            installWithData(store);
            AuthService auth = new AuthService(store, FAST_HASHER, PATIENT);
            User alice = auth.signIn("alice", "lune-rouge-mardi".toCharArray()).orElseThrow();
            esp = auth.createAccount(alice, "camille", "Camille Martin", Role.ESP, null, Set.of(WORKSITE),
                    "premiermdp1".toCharArray(), "premiermdp1".toCharArray()).value().orElseThrow().id();
        }
        List<String> before = storedPersonalValues();
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            AuthService auth = new AuthService(store, FAST_HASHER, PATIENT);
            assertThat(auth.signIn("camille", "premiermdp1".toCharArray())).isPresent();
            store.lock();
            User alice = auth.signIn("alice", "lune-rouge-mardi".toCharArray()).orElseThrow();
            assertThat(auth.resetPassword(alice, esp, "secondmdp22".toCharArray(), "secondmdp22".toCharArray())
                    .saved()).isTrue();
        }
        assertThat(storedPersonalValues()).as("a password change re-wraps the key only").isEqualTo(before);
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            AuthService auth = new AuthService(store, FAST_HASHER, PATIENT);
            assertThat(auth.signIn("camille", "premiermdp1".toCharArray())).isEmpty();
            assertThat(store.isUnlocked()).isFalse();
            assertThat(auth.signIn("camille", "secondmdp22".toCharArray())).isPresent();
            assertThat(awa(store).socialSecurityNumber()).isEqualTo(SSN);
        }
    }

    @Test
    void aRefusedSignInOnALockedStoreIsJournaledOnceSomeoneOpensIt() {
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            installWithData(store);
        }
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            AuthService auth = new AuthService(store, FAST_HASHER, PATIENT);
            assertThat(auth.signIn("alice", "pas-le-bon-mot".toCharArray())).isEmpty();
            assertThat(auth.signIn("inconnu", "pas-le-bon-mot".toCharArray())).isEmpty();
            assertThat(store.isUnlocked()).isFalse();

            User alice = auth.signIn("alice", "lune-rouge-mardi".toCharArray()).orElseThrow();

            List<AuditEvent> refused = new AuditJournal(store).search(alice, new AuditFilter(null, null,
                    AuditAction.CONNEXION_REFUSEE, null, null)).stream().map(AuditEntry::event).toList();
            assertThat(refused).extracting(AuditEvent::actorName).containsExactlyInAnyOrder("Alice Admin", null);
            assertThat(new AuditJournal(store).search(alice, new AuditFilter(null, null, AuditAction.CONNEXION, null,
                    null))).hasSize(1);
        }
    }

    @Test
    void anOlderClearStoreIsEncryptedAtItsFirstSignInAndItsClearCopiesAreErased() throws Exception {
        // An older laptop: its store made before encryption existed (no key), then upgraded to this version.
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            new SetupService().installReference(store);
            store.putMeta(Workstation.WORKSITE_META_KEY, WORKSITE);
            AuthService auth = new AuthService(store, FAST_HASHER, PATIENT);
            User bob = auth.createUser("system", "bob", "Bob Admin", Role.ADMIN, null, Set.of(WORKSITE),
                    "lune-rouge-mardi".toCharArray(), "lune-rouge-mardi".toCharArray()).value().orElseThrow();
            auth.createUser("system", "chloe", "Chloé CIP", Role.CIP, null, Set.of(WORKSITE),
                    "pont-bleu-jeudi".toCharArray(), "pont-bleu-jeudi".toCharArray()).value().orElseThrow();
            new ParticipantService(new Workstation(store)).create(bob, new Participant(null, WORKSITE, "Awa",
                    "Diallo", java.time.LocalDate.of(1984, 12, 2), PHONE, null, null, SSN, null),
                    ServiceFixtures.phc(ServiceFixtures.TODAY.minusDays(30))).value().orElseThrow();
            assertThat(store.isEncrypted()).isFalse();
        }
        // Back to the schema before the key table, as a store of the previous version is.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file())) {
            c.createStatement().execute("DROP TABLE store_key_wrap");
            c.createStatement().execute("PRAGMA user_version = " + (latestVersion() - 1));
        }
        assertThat(folderContains(SSN)).isTrue();
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            Path backup = dir.resolve("terrain.db.avant-schema-" + latestVersion() + ".bak");
            assertThat(backup).as("the upgrade kept a copy, clear").exists();
            AuthService auth = new AuthService(store, FAST_HASHER, PATIENT);
            assertThat(auth.signIn("bob", "lune-rouge-mardi".toCharArray())).isPresent();
            assertThat(store.isEncrypted()).isTrue();
            assertThat(backup).doesNotExist();
            assertThat(awa(store).socialSecurityNumber()).isEqualTo(SSN);
        }
        assertThat(folderContains(SSN)).as("no clear copy left in the folder").isFalse();
        assertThat(folderContains(PHONE)).isFalse();
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            AuthService auth = new AuthService(store, FAST_HASHER, PATIENT);
            // Chloé had no wrap yet: her password is checked against her old hash; her wrap is made while the key
            // is in memory (Bob signed in earlier in this session), and opens the store alone afterwards.
            assertThat(auth.signIn("bob", "lune-rouge-mardi".toCharArray())).isPresent();
            assertThat(auth.signIn("chloe", "mauvais".toCharArray())).isEmpty();
            assertThat(auth.signIn("chloe", "pont-bleu-jeudi".toCharArray())).isPresent();
        }
        try (TerrainStore store = ServiceFixtures.open(dir)) {
            assertThat(new AuthService(store, FAST_HASHER, PATIENT).signIn("chloe", "pont-bleu-jeudi".toCharArray())).isPresent();
            assertThat(store.isUnlocked()).isTrue();
            assertThat(awa(store).phone()).isEqualTo(PHONE);
        }
    }

    private int latestVersion() throws IOException {
        try (var index = TerrainStore.class.getResourceAsStream("migrations/index.txt")) {
            return (int) new String(index.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).count();
        }
    }

    private List<String> storedPersonalValues() throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
             var r = c.createStatement().executeQuery("SELECT phone, social_security_number FROM participant "
                     + "UNION ALL SELECT body, NULL FROM support_note_revision")) {
            while (r.next()) {
                values.add(r.getString(1) + "|" + r.getString(2));
            }
        }
        assertThat(values).allSatisfy(v -> assertThat(v).startsWith("enc1:"));
        return values;
    }

    private boolean folderContains(String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(path), needle) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
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
