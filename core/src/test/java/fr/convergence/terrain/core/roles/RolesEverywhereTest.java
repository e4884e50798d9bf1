package fr.convergence.terrain.core.roles;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.AccessPolicies;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.NoteTheme;
import fr.convergence.terrain.core.domain.NoteVisibility;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Partner;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.fixtures.CaseFixtures;
import fr.convergence.terrain.core.note.NoteDraft;
import fr.convergence.terrain.core.note.NoteService;
import fr.convergence.terrain.core.participant.ParticipantFile;
import fr.convergence.terrain.core.participant.ParticipantFileService;
import fr.convergence.terrain.core.participant.ParticipantQuery;
import fr.convergence.terrain.core.participant.ParticipantService;
import fr.convergence.terrain.core.participant.ParticipantSummary;
import fr.convergence.terrain.core.print.PrintCatalogService;
import fr.convergence.terrain.core.referral.ReferralDraft;
import fr.convergence.terrain.core.referral.ReferralFilter;
import fr.convergence.terrain.core.referral.ReferralFormService;
import fr.convergence.terrain.core.referral.ReferralRow;
import fr.convergence.terrain.core.referral.ReferralService;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.week.IsoWeek;
import fr.convergence.terrain.core.week.WeekService;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static fr.convergence.terrain.core.fixtures.CaseFixtures.TODAY;
import static fr.convergence.terrain.core.fixtures.CaseFixtures.WORKSITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Roles hold in the services, not only in the screens: every service method that returns a person's data is called
 * as each role, and what comes back is what that role may read — so screens, print-outs, CSV and the command line,
 * which are all built on these methods, cannot show more.
 */
class RolesEverywhereTest {

    private static final String NIR = "2 91 07 75 056 123 67";
    private static final String NIR_MASKED = "2 91 ** ** *** *** 67";
    private static final String RESERVED_NOTE = "Rendez-vous au centre de santé mentale jeudi.";
    private static final String TEAM_NOTE = "Arrive à l'heure toute la semaine.";
    private static final String PURPOSE = "Ouverture des droits à la complémentaire santé";
    private static final String MOVE_COMMENT = "Dossier remis en main propre à l'accueil de la CPAM";

    private static final User ESP = CaseFixtures.ESP;
    private static final User CIP = CaseFixtures.CIP;
    private static final User COORDINATOR = CaseFixtures.COORDINATOR;
    private static final User ADMIN = new User("u-admin", "admin", "Administration", Role.ADMIN, null, Set.of(), true);
    private static final User INACTIVE_CIP = new User("u-old", "old", "Ancienne CIP", Role.CIP, null, Set.of(WORKSITE),
            false);
    private static final User ESP_ELSEWHERE = new User("u-esp-far", "far", "ESP d'ailleurs", Role.ESP, null,
            Set.of("aars"), true);

    @TempDir
    Path dir;

    private TerrainStore store;
    private AccessPolicy access;
    private Workstation workstation;
    private String participantId;
    private String referralId;

    @BeforeEach
    void setUp() {
        store = CaseFixtures.open(dir);
        store.putMeta(Workstation.WORKSITE_META_KEY, WORKSITE);
        workstation = new Workstation(store);
        access = AccessPolicies.of(store);
        Participant created = new ParticipantService(workstation).create(CIP,
                new Participant(null, WORKSITE, "Hélène", "Lefèvre", LocalDate.of(1991, 7, 2), "06 12 34 56 78",
                        "helene.lefevre@exemple.fr", "12 rue des Lilas, Lille", NIR, "Mme Durand"),
                new Enrolment(null, null, null, Programme.CVG, ContractType.CDDI, TODAY.minusMonths(2),
                        TODAY.plusMonths(10), 26, null, null, null, null, null, null)).value().orElseThrow();
        participantId = created.id();
        NoteService notes = new NoteService(store, access);
        notes.create(CIP, new NoteDraft(participantId, TODAY, NoteTheme.SANTE, NoteVisibility.CIP_ET_COORDINATION,
                RESERVED_NOTE)).value().orElseThrow();
        notes.create(ESP, new NoteDraft(participantId, TODAY, NoteTheme.EMPLOI, NoteVisibility.EQUIPE_CHANTIER,
                TEAM_NOTE)).value().orElseThrow();
        ReferralService referrals = new ReferralService(store, access);
        referralId = referrals.create(CIP, new ReferralDraft(participantId, Partner.CPAM, null, PURPOSE, null))
                .value().orElseThrow().id();
        referrals.move(CIP, referralId, ReferralStatus.ENVOYEE, TODAY, MOVE_COMMENT).value().orElseThrow();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    /** Every service method returning a participant record, as one role would call it. */
    private Map<String, Function<User, List<Participant>>> participantReads() {
        Map<String, Function<User, List<Participant>>> reads = new LinkedHashMap<>();
        reads.put("ParticipantFileService.load", u -> List.of(new ParticipantFileService(store, access)
                .load(u, participantId).participant()));
        reads.put("ParticipantService.search", u -> new ParticipantService(workstation)
                .search(u, WORKSITE, new ParticipantQuery("", null, null, null)).rows().stream()
                .map(ParticipantSummary::participant).toList());
        reads.put("WeekService.load", u -> new WeekService(workstation).load(u, WORKSITE, IsoWeek.of(TODAY)).rows()
                .stream().map(r -> r.participant()).toList());
        reads.put("ReferralService.participants", u -> new ReferralService(store, access)
                .participants(u, List.of(WORKSITE)));
        reads.put("PrintCatalogService.participants", u -> new PrintCatalogService(store, access)
                .participants(u, WORKSITE));
        reads.put("PrintCatalogService.followedParticipants", u -> new PrintCatalogService(store, access)
                .followedParticipants(u, WORKSITE, TODAY, false));
        return reads;
    }

    /** Every service method returning a referral, as one role would call it. */
    private Map<String, Function<User, List<Referral>>> referralReads() {
        Map<String, Function<User, List<Referral>>> reads = new LinkedHashMap<>();
        reads.put("ParticipantFileService.load", u -> new ParticipantFileService(store, access)
                .load(u, participantId).referrals());
        reads.put("ReferralService.referral", u -> List.of(new ReferralService(store, access).referral(u, referralId)));
        reads.put("ReferralService.ofParticipant", u -> new ReferralService(store, access)
                .ofParticipant(u, participantId));
        reads.put("ReferralService.list", u -> new ReferralService(store, access)
                .list(u, List.of(WORKSITE), new ReferralFilter(null, null, false)).stream()
                .map(ReferralRow::referral).toList());
        reads.put("PrintCatalogService.referrals", u -> new PrintCatalogService(store, access)
                .referrals(u, participantId));
        return reads;
    }

    /** Every service method returning notes, as one role would call it. */
    private Map<String, Function<User, List<SupportNote>>> noteReads() {
        Map<String, Function<User, List<SupportNote>>> reads = new LinkedHashMap<>();
        reads.put("ParticipantFileService.load", u -> new ParticipantFileService(store, access)
                .load(u, participantId).notes());
        reads.put("NoteService.notesOf", u -> new NoteService(store, access).notesOf(u, participantId));
        return reads;
    }

    @Test
    void anEspReadsIdentityAndContactButTheSocialSecurityNumberOnlyMaskedEverywhere() {
        participantReads().forEach((method, read) -> {
            Participant seen = only(read.apply(ESP), method);
            assertThat(seen.socialSecurityNumber()).as(method).isEqualTo(NIR_MASKED);
            assertThat(seen.fullName()).as(method).isEqualTo("Hélène Lefèvre");
            assertThat(seen.phone()).as(method).isEqualTo("06 12 34 56 78");
            assertThat(seen.address()).as(method).isEqualTo("12 rue des Lilas, Lille");
        });
    }

    @Test
    void theCipTheCoordinatorAndTheAdministratorReadTheWholeNumber() {
        for (User user : List.of(CIP, COORDINATOR, ADMIN)) {
            participantReads().forEach((method, read) -> assertThat(only(read.apply(user), method)
                    .socialSecurityNumber()).as(user.role() + " " + method).isEqualTo(NIR));
        }
    }

    @Test
    void anEspNeverGetsANoteReservedToTheCipAndCoordination() {
        noteReads().forEach((method, read) -> assertThat(read.apply(ESP)).as(method)
                .extracting(SupportNote::currentText).containsExactly(TEAM_NOTE));
        for (User user : List.of(CIP, COORDINATOR, ADMIN)) {
            noteReads().forEach((method, read) -> assertThat(read.apply(user)).as(user.role() + " " + method)
                    .extracting(SupportNote::currentText).containsExactlyInAnyOrder(TEAM_NOTE, RESERVED_NOTE));
        }
    }

    @Test
    void anEspSeesThatAReferralExistsItsPartnerAndStatusButNotItsDetails() {
        referralReads().forEach((method, read) -> {
            Referral seen = only(read.apply(ESP), method);
            assertThat(seen.partner()).as(method).isEqualTo(Partner.CPAM);
            assertThat(seen.status()).as(method).isEqualTo(ReferralStatus.ENVOYEE);
            assertThat(seen.purpose()).as(method).isEqualTo(AccessPolicy.HIDDEN_DETAIL);
            assertThat(seen.documents()).as(method).isEmpty();
            assertThat(seen.sharedFields()).as(method).isEmpty();
            assertThat(seen.history()).as(method).hasSize(2).allMatch(c -> c.comment() == null);
            assertThat(seen.toString()).as(method).doesNotContain(NIR).doesNotContain(PURPOSE)
                    .doesNotContain(MOVE_COMMENT);
        });
        for (User user : List.of(CIP, COORDINATOR, ADMIN)) {
            referralReads().forEach((method, read) -> {
                Referral seen = only(read.apply(user), method);
                assertThat(seen.purpose()).as(user.role() + " " + method).isEqualTo(PURPOSE);
                assertThat(seen.sharedFields()).as(user.role() + " " + method).containsValue(NIR);
                assertThat(seen.history().get(1).comment()).as(user.role() + " " + method).isEqualTo(MOVE_COMMENT);
            });
        }
    }

    @Test
    void anEspMayNotPrintAReferralFormNorPrepareOrMoveAReferral() {
        ReferralService referrals = new ReferralService(store, access);

        assertThatThrownBy(() -> new ReferralFormService(store, access).load(ESP, referralId))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("fiche d’orientation est réservée à la CIP et à la coordination");
        assertThatThrownBy(() -> referrals.create(ESP, new ReferralDraft(participantId, Partner.SIAO, null,
                "Hébergement", null))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("préparées et suivies par la CIP");
        assertThatThrownBy(() -> referrals.move(ESP, referralId, ReferralStatus.EN_COURS, TODAY, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> referrals.updateDocuments(ESP, referralId, Map.of("Carte vitale", true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> referrals.sharedFieldsPreview(ESP, participantId, Partner.CPAM))
                .isInstanceOf(AccessDeniedException.class);
        for (User user : List.of(CIP, COORDINATOR, ADMIN)) {
            assertThat(new ReferralFormService(store, access).load(user, referralId).fields())
                    .anyMatch(f -> NIR.equals(f.value()));
        }
    }

    @Test
    void anInactiveAccountAndAnEspOfAnotherWorksiteReadNothing() {
        List<Function<User, ?>> every = new ArrayList<>();
        every.addAll(participantReads().values());
        every.addAll(referralReads().values());
        every.addAll(noteReads().values());
        every.add(u -> new ReferralFormService(store, access).load(u, referralId));
        for (User user : List.of(INACTIVE_CIP, ESP_ELSEWHERE)) {
            for (Function<User, ?> read : every) {
                assertThatThrownBy(() -> read.apply(user)).as(user.displayName())
                        .isInstanceOf(AccessDeniedException.class);
            }
        }
    }

    @Test
    void anEspEditingTheFileKeepsTheStoredNumberAndCannotTypeAnother() {
        ParticipantService participants = new ParticipantService(workstation);
        Participant asSeen = new ParticipantFileService(store, access).load(ESP, participantId).participant();

        var phone = participants.update(ESP, withPhoneAndNumber(asSeen, "07 00 00 00 01", asSeen.socialSecurityNumber()));
        var typed = participants.update(ESP, withPhoneAndNumber(asSeen, "07 00 00 00 02", "1 80 01 75 001 001 04"));

        assertThat(phone.saved()).isTrue();
        assertThat(phone.value().orElseThrow().socialSecurityNumber()).isEqualTo(NIR_MASKED);
        assertThat(typed.saved()).isFalse();
        assertThat(typed.verdict().text()).contains("tenu par la CIP");
        Participant stored = new ParticipantFileService(store, access).load(CIP, participantId).participant();
        assertThat(stored.socialSecurityNumber()).isEqualTo(NIR);
        assertThat(stored.phone()).isEqualTo("07 00 00 00 01");
    }

    private static Participant withPhoneAndNumber(Participant p, String phone, String number) {
        return new Participant(p.id(), p.worksiteId(), p.firstName(), p.lastName(), p.birthDate(), phone, p.email(),
                p.address(), number, p.referentName());
    }

    private static <T> T only(List<T> items, String method) {
        assertThat(items).as(method).hasSize(1);
        return items.get(0);
    }
}
