package fr.convergence.terrain.app.print;

import fr.convergence.terrain.core.domain.NoteVisibility;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.participant.ParticipantFile;
import fr.convergence.terrain.core.participant.ParticipantFileService;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PrintFollowUpSheetTest {

    @TempDir
    static Path dir;
    static PrintFixture fixture;
    static ParticipantFileService files;

    @BeforeAll
    static void demo() {
        fixture = new PrintFixture(dir);
        files = new ParticipantFileService(fixture.store, fixture.access);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Test
    void followUpSheetPrintsTheParticipantsFileWithEveryFrenchCharacter() {
        byte[] pdf = fixture.printer(fixture.cip).followUpSheet(files.load(fixture.cip, PrintFixture.ZOE),
                FollowUpSheetOptions.withoutNotes());
        String text = PrintFixture.text(pdf);

        assertThat(text).contains("Fiche de suivi", "Zoé N'Diaye-Lefèvre", "ABEJ Solidarité", "14/07/1991",
                "Mme Aubert (CCAS)", "Premières Heures", "le 05/01/2026, depuis 2 mois", "Paliers PHC",
                "8 h par semaine", "objectif du palier PHC", "Heures travaillées par mois", "mars 2026",
                "Ouverture des droits « santé » … complémentaire", "à l'œuvre sociale", "Signatures",
                "Le ou la référent·e", "Document confidentiel", "Généré le 18/03/2026 à 10:42 par Yanis Conseiller (CIP)");
        assertThat(text).doesNotContain("2 91 07 59 350 012 35", "zoe.ndiaye@example.org", "impasse des Érables");
    }

    @Test
    void fortyReferralsContinueOnTheNextPageUnderARepeatedHeader() {
        byte[] pdf = fixture.printer(fixture.cip).followUpSheet(files.load(fixture.cip, PrintFixture.ZOE),
                FollowUpSheetOptions.withoutNotes());
        int pages = PrintFixture.pages(pdf);

        assertThat(pages).isBetween(2, 3);
        String text = PrintFixture.text(pdf);
        for (int i = 1; i <= PrintFixture.REFERRALS - 2; i++) {
            assertThat(text).contains("Démarche n° " + i + " ");
        }
        assertThat(text).contains("Orientations (40)", "page 1/" + pages, "page " + pages + "/" + pages);
        String second = PrintFixture.pageText(pdf, 2);
        assertThat(second).contains("Fiche de suivi — Zoé N'Diaye-Lefèvre (suite)", "Partenaire", "Objet", "Statut");
        assertThat(second.indexOf("Partenaire")).isLessThan(second.indexOf("Démarche n° "));
    }

    @Test
    void aNoteOnlyPrintsWhenTickedAndReadableByThePrintingUser() {
        ParticipantFile asCip = files.load(fixture.cip, PrintFixture.ZOE);
        Set<String> both = Set.of(PrintFixture.TEAM_NOTE, PrintFixture.RESERVED_NOTE);

        String untickedText = PrintFixture.text(fixture.printer(fixture.cip).followUpSheet(asCip,
                FollowUpSheetOptions.withoutNotes()));
        assertThat(untickedText).doesNotContain(PrintFixture.TEAM_NOTE_TEXT, PrintFixture.RESERVED_NOTE_TEXT);

        String onlyTeam = PrintFixture.text(fixture.printer(fixture.cip).followUpSheet(asCip,
                new FollowUpSheetOptions(Set.of(PrintFixture.TEAM_NOTE))));
        assertThat(onlyTeam).contains(PrintFixture.TEAM_NOTE_TEXT).doesNotContain(PrintFixture.RESERVED_NOTE_TEXT);

        String cipBoth = PrintFixture.text(fixture.printer(fixture.cip).followUpSheet(asCip,
                new FollowUpSheetOptions(both)));
        assertThat(cipBoth).contains(PrintFixture.TEAM_NOTE_TEXT, PrintFixture.RESERVED_NOTE_TEXT,
                NoteVisibility.CIP_ET_COORDINATION.label());

        // An educator printing a file that (wrongly) still holds the reserved note: the sheet itself refuses it.
        String espBoth = PrintFixture.text(fixture.printer(fixture.esp).followUpSheet(asCip,
                new FollowUpSheetOptions(both)));
        assertThat(espBoth).contains(PrintFixture.TEAM_NOTE_TEXT).doesNotContain(PrintFixture.RESERVED_NOTE_TEXT);
    }

    @Test
    void everyDemoParticipantsSheetPrintsUnder150KilobytesWithItsOwnPageNumbers() {
        List<String> ids = fixture.catalog.participants(fixture.admin, PrintFixture.WORKSITE).stream()
                .map(Participant::id).toList();
        for (String id : ids) {
            byte[] pdf = fixture.printer(fixture.admin).followUpSheet(files.load(fixture.admin, id),
                    FollowUpSheetOptions.withoutNotes());
            assertThat(pdf.length).as("sheet of %s", id).isLessThan(150 * 1024);
        }
        int[] progress = new int[2];
        byte[] batch = fixture.printer(fixture.admin).followUpSheets("Fiches", ids,
                id -> files.load(fixture.admin, id), (done, total) -> {
                    progress[0] = done;
                    progress[1] = total;
                    return true;
                });
        assertThat(progress).containsExactly(ids.size(), ids.size());
        String text = PrintFixture.text(batch);
        assertThat(text.split("page 1/", -1)).hasSize(ids.size() + 1);
        assertThat(text).contains("page 1/1").doesNotContain("page 1/" + PrintFixture.pages(batch));
    }

    @Test
    void aStoppedBatchStopsAfterTheCurrentSheet() {
        List<String> ids = fixture.catalog.participants(fixture.admin, PrintFixture.WORKSITE).stream()
                .map(Participant::id).toList();
        int[] loaded = new int[1];
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.printer(fixture.admin).followUpSheets(
                "Fiches", ids, id -> {
                    loaded[0]++;
                    return files.load(fixture.admin, id);
                }, (done, total) -> done < 3)).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(loaded[0]).isEqualTo(3);
    }
}
