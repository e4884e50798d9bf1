package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.account.AccessPolicies;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.demo.DemoDataGenerator;
import fr.convergence.terrain.core.demo.DemoSize;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.NoteTheme;
import fr.convergence.terrain.core.domain.NoteVisibility;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.ParticipantField;
import fr.convergence.terrain.core.domain.Partner;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.SupportNoteRevision;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.print.PrintCatalogService;
import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.core.store.BulkLoader;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.UserRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A demo worksite on a fixed day, plus Zoé N'Diaye-Lefèvre: PHC since January, 40 referrals, one note for the
 * whole team and one reserved to advisers, and a CPAM referral whose stored values include fields CPAM does not need.
 */
final class PrintFixture implements AutoCloseable {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 18);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(10, 42).atZone(PARIS).toInstant(), PARIS);
    static final String WORKSITE = "abej-solidarite";
    static final String ZOE = "zoe-ndiaye-lefevre";
    static final String TEAM_NOTE = "note-equipe";
    static final String RESERVED_NOTE = "note-reservee";
    static final String TEAM_NOTE_TEXT = "Très bonne implication sur le chantier « espaces verts » ; ponctualité en progrès.";
    static final String RESERVED_NOTE_TEXT = "Situation de santé confiée en entretien : ne pas diffuser à l'équipe.";
    static final String CPAM_REFERRAL = "orientation-cpam";
    static final String BUREAUX_REFERRAL = "orientation-bureaux";
    static final int REFERRALS = 40;

    final TerrainStore store;
    final AccessPolicy access;
    final PrintCatalogService catalog;
    final User admin;
    final User cip;
    final User esp;

    PrintFixture(Path dir) {
        store = TerrainStore.open(dir.resolve("terrain.db"), CLOCK);
        new DemoDataGenerator(11, TODAY).generate(store, DemoSize.SITE, new PasswordHasher(1000));
        addZoe();
        access = AccessPolicies.of(store);
        catalog = new PrintCatalogService(store, access);
        admin = new UserRepository(store).findByLogin("admin").orElseThrow();
        cip = new UserRepository(store).findByLogin("cip").orElseThrow();
        esp = new UserRepository(store).findByLogin("esp").orElseThrow();
    }

    private void addZoe() {
        Participant zoe = new Participant(ZOE, WORKSITE, "Zoé", "N'Diaye-Lefèvre", LocalDate.of(1991, 7, 14),
                "06 11 22 33 44", "zoe.ndiaye@example.org", "3 impasse des Érables, 59000 Lille", "2 91 07 59 350 012 35",
                "Mme Aubert (CCAS)");
        BulkLoader loader = new BulkLoader(store);
        loader.participant(zoe);
        LocalDate entry = LocalDate.of(2026, 1, 5);
        Enrolment phc = new Enrolment("enrolment-zoe", ZOE, WORKSITE, Programme.PHC, ContractType.PHC, entry, null,
                null, null, null, null, null, null, null);
        loader.enrolment(phc);
        loader.phcStep(new PhcStep("step-1", phc.id(), 4, entry), WORKSITE);
        loader.phcStep(new PhcStep("step-2", phc.id(), 6, entry.plusWeeks(5)), WORKSITE);
        loader.phcStep(new PhcStep("step-3", phc.id(), 8, entry.plusWeeks(10)), WORKSITE);
        for (LocalDate monday = entry; !monday.isAfter(TODAY); monday = monday.plusWeeks(1)) {
            loader.hours(ZOE, WORKSITE, monday.with(DayOfWeek.TUESDAY), HoursKind.TRAVAIL_CHANTIER, 120);
            loader.hours(ZOE, WORKSITE, monday.with(DayOfWeek.THURSDAY), HoursKind.TRAVAIL_CHANTIER, 150);
        }
        loader.note(note(TEAM_NOTE, NoteVisibility.EQUIPE_CHANTIER, TEAM_NOTE_TEXT));
        loader.note(note(RESERVED_NOTE, NoteVisibility.CIP_ET_COORDINATION, RESERVED_NOTE_TEXT));
        Partner[] partners = {Partner.FRANCE_TRAVAIL, Partner.SIAO, Partner.CDC_HABITAT, Partner.FRANPRIX};
        for (int i = 1; i <= REFERRALS - 2; i++) {
            loader.referral(referral("orientation-" + i, partners[i % partners.length], "Démarche n° " + i
                    + " : accès aux droits et à l'œuvre sociale", entry.plusDays(i), Map.of()));
        }
        Map<ParticipantField, String> everything = new LinkedHashMap<>();
        for (ParticipantField field : ParticipantField.values()) {
            everything.put(field, field.valueOf(zoe));
        }
        loader.referral(referral(CPAM_REFERRAL, Partner.CPAM, "Ouverture des droits « santé » … complémentaire",
                TODAY.minusDays(3), everything));
        loader.referral(referral(BUREAUX_REFERRAL, Partner.BUREAUX_DU_COEUR, "Tenue professionnelle pour entretien",
                TODAY.minusDays(2), everything));
        loader.commit();
    }

    private static SupportNote note(String id, NoteVisibility visibility, String text) {
        return new SupportNote(id, ZOE, WORKSITE, TODAY.minusDays(10), NoteTheme.EMPLOI, visibility, "test",
                List.of(new SupportNoteRevision(id + "-r1", id, text, "test", Instant.parse("2026-03-08T10:00:00Z"))));
    }

    private static Referral referral(String id, Partner partner, String purpose, LocalDate created,
                                     Map<ParticipantField, String> shared) {
        Map<String, Boolean> documents = new LinkedHashMap<>();
        for (int i = 0; i < partner.usualDocuments().size(); i++) {
            documents.put(partner.usualDocuments().get(i), i % 2 == 0);
        }
        List<ReferralStatusChange> history = new ArrayList<>();
        history.add(new ReferralStatusChange(id + "-h1", id, null, ReferralStatus.BROUILLON, created, "test", null));
        history.add(new ReferralStatusChange(id + "-h2", id, ReferralStatus.BROUILLON, ReferralStatus.ENVOYEE,
                created.plusDays(1), "test", null));
        return new Referral(id, ZOE, WORKSITE, partner, null, purpose, documents, shared, ReferralStatus.ENVOYEE,
                created, history);
    }

    PdfPrinter printer(User user) {
        return new PdfPrinter(user, CLOCK, false, catalog.demo());
    }

    /** The document's text with every run of white space (line breaks of wrapped cells too) as one space. */
    static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pageText(byte[] pdf, int page) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
