package fr.convergence.terrain.core.participant;

import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.ExitReason;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.SocialSecurityNumber;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.fixtures.ServiceFixtures;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static fr.convergence.terrain.core.fixtures.ServiceFixtures.TODAY;
import static fr.convergence.terrain.core.fixtures.ServiceFixtures.WORKSITE;
import static org.assertj.core.api.Assertions.assertThat;

class ParticipantServiceTest {

    @TempDir
    Path dir;
    private TerrainStore store;
    private User esp;
    private ParticipantService service;

    @BeforeEach
    void setUp() {
        store = ServiceFixtures.open(dir);
        esp = ServiceFixtures.install(store);
        service = new ParticipantService(new Workstation(store));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void aParticipantWithoutANameIsRefusedAndNotSaved() {
        var result = service.create(esp, ServiceFixtures.person(" ", ""), ServiceFixtures.phc(TODAY));

        assertThat(result.saved()).isFalse();
        assertThat(result.verdict().messages()).contains("Indiquez le prénom.", "Indiquez le nom.");
        assertThat(service.search(esp, WORKSITE, ParticipantQuery.all()).total()).isZero();
    }

    /** The CIP keeps the number: she types it, and it is checked before it can go out on a CPAM referral. */
    @Test
    void aSocialSecurityNumberWithAWrongShapeOrKeyIsRefusedAndSaysWhichPart() {
        User cip = new User("cip-id", "cip", "Chargée d’insertion", Role.CIP, null, Set.of(WORKSITE), true);
        Participant typed = ServiceFixtures.person("Awa", "Traoré");

        var tooShort = service.create(cip, withNumber(typed, "123"), ServiceFixtures.phc(TODAY));
        var wrongKey = service.create(cip, withNumber(typed, "2 88 02 99 350 111 22"), ServiceFixtures.phc(TODAY));
        var created = service.create(cip, withNumber(typed, "2 88 02 99 350 111 87"), ServiceFixtures.phc(TODAY));

        assertThat(tooShort.saved()).isFalse();
        assertThat(tooShort.verdict().text()).contains("15 chiffres");
        assertThat(wrongKey.saved()).isFalse();
        assertThat(wrongKey.verdict().text()).contains("clé de contrôle");
        assertThat(created.saved()).as(created.verdict().text()).isTrue();
        Participant stored = created.value().orElseThrow();
        var badMonth = service.update(cip, withNumber(stored, "2 88 13 99 350 111 " + String.format("%02d",
                SocialSecurityNumber.key("2 88 13 99 350 111"))));
        assertThat(badMonth.saved()).isFalse();
        assertThat(badMonth.verdict().text()).contains("mois de naissance");
        assertThat(service.update(cip, withNumber(stored, stored.socialSecurityNumber())).saved())
                .as("the number on file is not refused when another field changes").isTrue();
    }

    private static Participant withNumber(Participant p, String number) {
        return new Participant(p.id(), p.worksiteId(), p.firstName(), p.lastName(), p.birthDate(), p.phone(),
                p.email(), p.address(), number, p.referentName());
    }

    @Test
    void aCddiUnderTwentyHoursWithoutDerogationIsRefused() {
        var result = service.create(esp, ServiceFixtures.person("Ali", "Benali"),
                ServiceFixtures.cddi(TODAY, 15));

        assertThat(result.saved()).isFalse();
        assertThat(result.verdict().text()).contains("demande une dérogation");
    }

    @Test
    void aNewPhcParticipantStartsAtTheFirstStep() {
        var created = service.create(esp, ServiceFixtures.person("Hélène", "Lefèvre"), ServiceFixtures.phc(TODAY));

        var rows = service.search(esp, WORKSITE, ParticipantQuery.all()).rows();
        assertThat(created.saved()).isTrue();
        assertThat(rows).singleElement().satisfies(s -> {
            assertThat(s.currentStep()).isEqualTo(4);
            assertThat(s.active()).isTrue();
        });
    }

    @Test
    void theListFollowsFrenchCollationNotByteOrder() {
        for (String last : new String[] {"Frédéric", "Bouchard", "Élodie", "Bœuf", "Bérenger", "Zola"}) {
            service.create(esp, ServiceFixtures.person("Awa", last), ServiceFixtures.phc(TODAY));
        }

        assertThat(service.search(esp, WORKSITE, ParticipantQuery.all()).rows())
                .extracting(s -> s.participant().lastName())
                .containsExactly("Bérenger", "Bœuf", "Bouchard", "Élodie", "Frédéric", "Zola");
        assertThat(service.search(esp, WORKSITE, new ParticipantQuery("awa", null, null, null)).rows())
                .extracting(s -> s.participant().lastName())
                .containsExactly("Bérenger", "Bœuf", "Bouchard", "Élodie", "Frédéric", "Zola");
    }

    @Test
    void searchIgnoresAccentsAndFiltersByProgrammeAndStatus() {
        service.create(esp, ServiceFixtures.person("Hélène", "Lefèvre"), ServiceFixtures.phc(TODAY.minusMonths(1)));
        String ali = service.create(esp, ServiceFixtures.person("Ali", "Benali"),
                ServiceFixtures.cddi(TODAY.minusMonths(6), 26)).value().orElseThrow().id();
        String enrolment = new EnrolmentRepository(store).ofParticipant(ali).get(0).id();
        service.exit(esp, enrolment, TODAY.minusDays(1), ExitCategory.EMPLOI_DURABLE, ExitReason.CDI);

        var byName = service.search(esp, WORKSITE, new ParticipantQuery("helene lef", null, null, null));
        var cvg = service.search(esp, WORKSITE, new ParticipantQuery("", Programme.CVG, null, null));
        var exited = service.search(esp, WORKSITE, new ParticipantQuery("", null, ParticipantQuery.Status.EXITED, null));
        var step4 = service.search(esp, WORKSITE, new ParticipantQuery("", null, null, 4));

        assertThat(byName.rows()).extracting(s -> s.participant().lastName()).containsExactly("Lefèvre");
        assertThat(cvg.rows()).extracting(s -> s.participant().lastName()).containsExactly("Benali");
        assertThat(exited.rows()).extracting(s -> s.participant().lastName()).containsExactly("Benali");
        assertThat(step4.rows()).extracting(s -> s.participant().lastName()).containsExactly("Lefèvre");
        assertThat(byName.total()).isEqualTo(2);
        assertThat(byName.active()).isEqualTo(1);
        assertThat(byName.exited()).isEqualTo(1);
    }

    @Test
    void exitingACvgParticipantMakesTheFourFollowUpsDue() {
        String id = service.create(esp, ServiceFixtures.person("Ali", "Benali"),
                ServiceFixtures.cddi(TODAY.minusMonths(6), 26)).value().orElseThrow().id();
        String enrolment = new EnrolmentRepository(store).ofParticipant(id).get(0).id();

        var result = service.exit(esp, enrolment, TODAY, ExitCategory.SORTIE_POSITIVE,
                ExitReason.FORMATION_QUALIFIANTE);

        assertThat(result.saved()).isTrue();
        assertThat(result.value().orElseThrow().followUps()).extracting(f -> f.dueDate())
                .containsExactly(TODAY.plusMonths(1), TODAY.plusMonths(3), TODAY.plusMonths(6), TODAY.plusMonths(12));
        assertThat(new EnrolmentRepository(store).find(enrolment).orElseThrow().exitCategory())
                .isEqualTo(ExitCategory.SORTIE_POSITIVE);
    }

    @Test
    void anExitWithoutCategoryOrWithAReasonOfAnotherCategoryIsRefused() {
        String id = service.create(esp, ServiceFixtures.person("Ali", "Benali"),
                ServiceFixtures.cddi(TODAY.minusMonths(6), 26)).value().orElseThrow().id();
        String enrolment = new EnrolmentRepository(store).ofParticipant(id).get(0).id();

        var noCategory = service.exit(esp, enrolment, TODAY, null, null);
        var mismatch = service.exit(esp, enrolment, TODAY, ExitCategory.EMPLOI_DURABLE, ExitReason.ABANDON);

        assertThat(noCategory.verdict().messages()).contains("Choisissez le type de sortie.");
        assertThat(mismatch.saved()).isFalse();
        assertThat(new EnrolmentRepository(store).find(enrolment).orElseThrow().exited()).isFalse();
    }

    @Test
    void aNewStepIsAddedToTheHistoryAndBecomesTheCurrentOne() {
        String id = service.create(esp, ServiceFixtures.person("Hélène", "Lefèvre"),
                ServiceFixtures.phc(TODAY.minusMonths(2))).value().orElseThrow().id();
        String enrolment = new EnrolmentRepository(store).ofParticipant(id).get(0).id();

        var added = service.addStep(esp, enrolment, 6, TODAY.minusDays(2));
        var refused = service.addStep(esp, enrolment, 24, TODAY);

        assertThat(added.saved()).isTrue();
        assertThat(refused.saved()).isFalse();
        assertThat(new EnrolmentRepository(store).steps(enrolment)).hasSize(2);
        assertThat(service.search(esp, WORKSITE, ParticipantQuery.all()).rows().get(0).currentStep()).isEqualTo(6);
    }

    @Test
    void editingKeepsTheWorksiteAndChecksTheContact() {
        var created = service.create(esp, ServiceFixtures.person("Ali", "Benali"), ServiceFixtures.phc(TODAY))
                .value().orElseThrow();
        var bad = new fr.convergence.terrain.core.domain.Participant(created.id(), "aars", "Ali", "Benali",
                LocalDate.of(1985, 4, 2), "06 11 22 33 44", "pas-un-courriel", null, null, null);

        var refused = service.update(esp, bad);

        assertThat(refused.saved()).isFalse();
        assertThat(refused.verdict().text()).contains("courriel");
    }
}
