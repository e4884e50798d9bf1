package fr.convergence.terrain.core.referral;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.ParticipantField;
import fr.convergence.terrain.core.domain.Partner;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.fixtures.CaseFixtures;
import fr.convergence.terrain.core.fixtures.Outbox;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.ReferralRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.verdict.Result;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static fr.convergence.terrain.core.domain.ReferralStatus.ACCEPTEE;
import static fr.convergence.terrain.core.domain.ReferralStatus.BROUILLON;
import static fr.convergence.terrain.core.domain.ReferralStatus.ENVOYEE;
import static fr.convergence.terrain.core.domain.ReferralStatus.EN_COURS;
import static fr.convergence.terrain.core.fixtures.CaseFixtures.CIP;
import static fr.convergence.terrain.core.fixtures.CaseFixtures.ELSEWHERE;
import static fr.convergence.terrain.core.fixtures.CaseFixtures.TODAY;
import static fr.convergence.terrain.core.fixtures.CaseFixtures.WORKSITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferralServiceTest {

    @TempDir
    Path dir;
    TerrainStore store;
    ReferralService referrals;
    Participant helene;

    @BeforeEach
    void setUp() {
        store = CaseFixtures.open(dir);
        referrals = new ReferralService(store, CaseFixtures.ACCESS);
        helene = CaseFixtures.participant(store);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private Referral create(Partner partner) {
        return referrals.create(CIP, new ReferralDraft(helene.id(), partner, null, "Demande de logement", null))
                .value().orElseThrow();
    }

    @Test
    void aReferralCarriesOnlyTheFieldsItsPartnerNeeds() {
        Referral bureaux = create(Partner.BUREAUX_DU_COEUR);
        Referral cpam = create(Partner.CPAM);

        assertThat(bureaux.sharedFields()).containsOnlyKeys(ParticipantField.NOM, ParticipantField.TELEPHONE);
        assertThat(cpam.sharedFields()).containsOnlyKeys(ParticipantField.NOM, ParticipantField.DATE_NAISSANCE,
                ParticipantField.NUMERO_SECURITE_SOCIALE, ParticipantField.ADRESSE, ParticipantField.TELEPHONE);
        Referral stored = new ReferralRepository(store).find(bureaux.id()).orElseThrow();
        assertThat(stored.sharedFields()).containsExactlyInAnyOrderEntriesOf(Map.of(ParticipantField.NOM, "Hélène Lefèvre",
                ParticipantField.TELEPHONE, "06 12 34 56 78"));
        assertThat(stored.sharedFields().values()).doesNotContain(helene.socialSecurityNumber(), helene.address(),
                helene.email());
    }

    @Test
    void fieldsTheFileDoesNotHaveAreLeftOutRatherThanSentEmpty() {
        Participant sparse = new Participant("p-sparse", WORKSITE, "Sam", "Martin", null, null, null, null, null, null);
        store.write("test", tx -> {
            new fr.convergence.terrain.core.store.ParticipantRepository(store).save(tx, sparse);
            return null;
        });

        Referral referral = referrals.create(CIP, new ReferralDraft(sparse.id(), Partner.SIAO, null, "Hébergement",
                null)).value().orElseThrow();

        assertThat(referral.sharedFields()).containsOnlyKeys(ParticipantField.NOM);
        assertThat(referrals.sharedFieldsPreview(CIP, sparse.id(), Partner.SIAO)).containsKeys(
                ParticipantField.NOM, ParticipantField.DATE_NAISSANCE, ParticipantField.TELEPHONE);
    }

    @Test
    void aNewReferralIsADraftWithThePartnersChecklistAndASignedCreationLine() {
        Referral referral = create(Partner.CDC_HABITAT);

        assertThat(referral.status()).isEqualTo(BROUILLON);
        assertThat(referral.documents()).containsOnlyKeys(Partner.CDC_HABITAT.usualDocuments().toArray(String[]::new))
                .doesNotContainValue(true);
        assertThat(referral.history()).singleElement().satisfies(c -> {
            assertThat(c.from()).isNull();
            assertThat(c.to()).isEqualTo(BROUILLON);
            assertThat(c.changedOn()).isEqualTo(TODAY);
            assertThat(c.changedBy()).isEqualTo(CIP.id());
        });
    }

    @Test
    void anOtherPartnerNeedsANameAndEveryReferralAPurpose() {
        Result<Referral> result = referrals.create(CIP, new ReferralDraft(helene.id(), Partner.AUTRE, " ", "",
                null));

        assertThat(result.saved()).isFalse();
        assertThat(result.verdict().messages()).hasSize(2);
        assertThat(new ReferralRepository(store).ofParticipant(helene.id())).isEmpty();
    }

    @Test
    void aReferralGoesThroughItsWorkflowWithADatedSignedHistory() {
        Referral referral = create(Partner.CDC_HABITAT);

        referrals.move(CIP, referral.id(), ENVOYEE, TODAY.minusDays(0), null);
        Result<Referral> handled = referrals.move(CIP, referral.id(), EN_COURS, TODAY, "Dossier reçu par le bailleur");
        Result<Referral> accepted = referrals.move(CIP, referral.id(), ACCEPTEE, TODAY, null);

        assertThat(handled.saved()).isTrue();
        assertThat(accepted.saved()).isTrue();
        Referral stored = referrals.referral(CIP, referral.id());
        assertThat(stored.status()).isEqualTo(ACCEPTEE);
        assertThat(stored.history()).extracting(ReferralStatusChange::to)
                .containsExactly(BROUILLON, ENVOYEE, EN_COURS, ACCEPTEE);
        assertThat(stored.history()).extracting(ReferralStatusChange::from)
                .containsExactly(null, BROUILLON, ENVOYEE, EN_COURS);
        assertThat(stored.history()).allMatch(c -> c.changedBy().equals(CIP.id()));
        assertThat(stored.history().get(2).comment()).isEqualTo("Dossier reçu par le bailleur");
    }

    @Test
    void aMoveTheWorkflowForbidsIsRefusedAndNothingIsWritten() {
        Referral referral = create(Partner.SIAO);
        int outbox = Outbox.pendingChanges(store);

        Result<Referral> result = referrals.move(CIP, referral.id(), ACCEPTEE, TODAY, null);

        assertThat(result.saved()).isFalse();
        assertThat(result.verdict().text()).contains("Envoyez d’abord");
        assertThat(referrals.referral(CIP, referral.id()).status()).isEqualTo(BROUILLON);
        assertThat(Outbox.pendingChanges(store)).isEqualTo(outbox);
    }

    @Test
    void aMoveDatedInTheFutureOrBeforeTheLastMoveIsRefused() {
        Referral referral = create(Partner.SIAO);

        assertThat(referrals.move(CIP, referral.id(), ENVOYEE, TODAY.plusDays(1), null).verdict().text())
                .contains("futur");
        assertThat(referrals.move(CIP, referral.id(), ENVOYEE, TODAY.minusDays(3), null).verdict().text())
                .contains("précède le dernier changement (18/03/2026)");
    }

    @Test
    void theSameMoveSentTwiceIsAppliedOnce() {
        Referral referral = create(Partner.SIAO);

        Result<Referral> first = referrals.move(CIP, referral.id(), ENVOYEE, TODAY, null);
        Result<Referral> second = referrals.move(CIP, referral.id(), ENVOYEE, TODAY, null);

        assertThat(first.saved()).isTrue();
        assertThat(second.saved()).isFalse();
        assertThat(referrals.referral(CIP, referral.id()).history()).hasSize(2);
    }

    @Test
    void aStatusMoveAndItsHistoryLineAreQueuedForSyncTogether() {
        Referral referral = create(Partner.SIAO);
        int before = Outbox.pendingChanges(store);

        referrals.move(CIP, referral.id(), ENVOYEE, TODAY, null);

        assertThat(Outbox.pendingChanges(store)).isEqualTo(before + 2);
    }

    @Test
    void documentsAreTickedOffOnTheChecklist() {
        Referral referral = create(Partner.CPAM);
        Map<String, Boolean> documents = new LinkedHashMap<>(referral.documents());
        documents.put("Pièce d'identité", true);
        documents.put("Relevé d'identité bancaire", false);

        referrals.updateDocuments(CIP, referral.id(), documents);

        assertThat(referrals.referral(CIP, referral.id()).documents()).containsEntry("Pièce d'identité", true)
                .containsEntry("Relevé d'identité bancaire", false).hasSize(4);
    }

    @Test
    void theListFiltersByPartnerAndStatusAndPutsOverdueReferralsFirst() {
        Referral siao = create(Partner.SIAO);
        Referral cpam = create(Partner.CPAM);
        create(Partner.CPAM);
        referrals.move(CIP, siao.id(), ENVOYEE, TODAY, null);
        referrals.move(CIP, cpam.id(), ENVOYEE, TODAY, null);

        assertThat(referrals.list(CIP, List.of(WORKSITE), ReferralFilter.all())).hasSize(3);
        assertThat(referrals.list(CIP, List.of(WORKSITE), new ReferralFilter(Partner.CPAM, null, false)))
                .hasSize(2).allMatch(r -> r.referral().partner() == Partner.CPAM)
                .allMatch(r -> r.participantName().equals("Hélène Lefèvre"));
        assertThat(referrals.list(CIP, List.of(WORKSITE), new ReferralFilter(Partner.CPAM, ENVOYEE, false)))
                .singleElement().satisfies(r -> assertThat(r.referral().id()).isEqualTo(cpam.id()));

        Clock fortyDaysLater = Clock.offset(CaseFixtures.clock(), java.time.Duration.ofDays(40));
        ReferralService later = new ReferralService(reopenWith(fortyDaysLater), CaseFixtures.ACCESS);
        List<ReferralRow> rows = later.list(CIP, List.of(WORKSITE), ReferralFilter.all());
        assertThat(rows).extracting(ReferralRow::overdue).containsExactly(true, true, false);
        assertThat(rows.get(2).referral().status()).isEqualTo(BROUILLON);
        assertThat(later.list(CIP, List.of(WORKSITE), new ReferralFilter(null, null, true))).hasSize(2);
        assertThat(rows.get(0).overdue(60, fortyDaysLater)).isFalse();
    }

    private TerrainStore reopenWith(Clock clock) {
        store.close();
        store = TerrainStore.open(dir.resolve("terrain.db"), clock);
        return store;
    }

    @Test
    void referralsOfAnotherWorksiteAreRefused() {
        Referral referral = create(Partner.SIAO);

        assertThatThrownBy(() -> referrals.list(ELSEWHERE, List.of(WORKSITE), ReferralFilter.all()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> referrals.move(ELSEWHERE, referral.id(), ENVOYEE, TODAY, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> referrals.create(ELSEWHERE, new ReferralDraft(helene.id(), Partner.SIAO, null,
                "Hébergement", null))).isInstanceOf(AccessDeniedException.class);
        assertThat(referrals.referral(CIP, referral.id()).status()).isEqualTo(BROUILLON);
    }

    @Test
    void onDemoDataTheListMatchesTheStoredReferralsAndOverdueOnesAwaitThePartner(@TempDir Path demoDir) {
        try (TerrainStore demo = TerrainStore.open(demoDir.resolve("demo.db"), CaseFixtures.clock())) {
            var summary = new DemoDataGenerator(5, TODAY).generate(demo, DemoSize.SITE, new PasswordHasher(1000));
            String worksite = summary.worksiteIds().get(0);
            ReferralService service = new ReferralService(demo, AccessPolicy.of(Map.of(worksite, "lille")), 30);
            User cip = new User("demo-cip", "c", "CIP", Role.CIP, null, Set.of(worksite), true);

            List<ReferralRow> all = service.list(cip, List.of(worksite), ReferralFilter.all());

            assertThat(all).hasSize(summary.referrals());
            assertThat(all).filteredOn(ReferralRow::overdue).isNotEmpty()
                    .allMatch(r -> ReferralDelay.awaitingPartner(r.referral().status()))
                    .allMatch(r -> !r.lastChange().isAfter(TODAY.minusDays(30)));
            assertThat(all).filteredOn(r -> !r.overdue()).allMatch(r -> !ReferralDelay.awaitingPartner(
                    r.referral().status()) || r.lastChange().isAfter(TODAY.minusDays(30)));
            for (Partner partner : Partner.values()) {
                for (ReferralStatus status : ReferralStatus.values()) {
                    assertThat(service.list(cip, List.of(worksite), new ReferralFilter(partner, status, false)))
                            .hasSize((int) all.stream().filter(r -> r.referral().partner() == partner
                                    && r.referral().status() == status).count());
                }
            }
            ReferralRow open = all.stream().filter(r -> r.referral().status() == EN_COURS).findFirst().orElseThrow();
            Result<Referral> accepted = service.move(cip, open.referral().id(), ACCEPTEE, TODAY, "Place obtenue");
            assertThat(accepted.saved()).isTrue();
            assertThat(service.referral(cip, open.referral().id()).history()).last()
                    .satisfies(c -> assertThat(c.from()).isEqualTo(EN_COURS));
        }
    }
}
