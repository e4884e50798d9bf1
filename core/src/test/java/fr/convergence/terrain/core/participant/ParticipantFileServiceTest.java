package fr.convergence.terrain.core.participant;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.NoteVisibility;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.NoteRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParticipantFileServiceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 18);

    @TempDir
    Path dir;

    @Test
    void educatorsDoNotSeeNotesReservedForAdvisersButAdvisersDo() {
        Clock clock = Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Europe/Paris")).toInstant(), ZoneId.of("Europe/Paris"));
        try (TerrainStore store = TerrainStore.open(dir.resolve("t.db"), clock)) {
            var summary = new DemoDataGenerator(7, TODAY).generate(store, DemoSize.SITE, new PasswordHasher(1000));
            String worksite = summary.worksiteIds().get(0);
            var notes = new NoteRepository(store);
            String participantId = new ParticipantRepository(store).ofWorksite(worksite).stream()
                    .filter(p -> notes.ofParticipant(p.id()).stream()
                            .anyMatch(n -> n.visibility() == NoteVisibility.CIP_ET_COORDINATION))
                    .findFirst().orElseThrow().id();
            var service = new ParticipantFileService(store, AccessPolicy.of(Map.of(worksite, "lille")));
            User esp = new User("u1", "esp", "ESP", Role.ESP, null, Set.of(worksite), true);
            User cip = new User("u2", "cip", "CIP", Role.CIP, null, Set.of(worksite), true);

            assertThat(service.load(esp, participantId).notes())
                    .allMatch(n -> n.visibility() == NoteVisibility.EQUIPE_CHANTIER);
            assertThat(service.load(cip, participantId).notes())
                    .anyMatch(n -> n.visibility() == NoteVisibility.CIP_ET_COORDINATION);
            var file = service.load(cip, participantId);
            assertThat(file.workedMinutesByMonth()).hasSize(12);
            assertThat(file.weeks()).isNotEmpty();

            User elsewhere = new User("u3", "esp2", "ESP", Role.ESP, null, Set.of("aars"), true);
            assertThatThrownBy(() -> service.load(elsewhere, participantId)).isInstanceOf(AccessDeniedException.class);
        }
    }
}
