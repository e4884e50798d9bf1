package fr.convergence.terrain.core.store;

import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.NoteTheme;
import fr.convergence.terrain.core.domain.NoteVisibility;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.SupportNoteRevision;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The writer {@link StoreKillTest} kills: in a JVM of its own, it writes hours cells and notes into the store
 * through {@link TerrainStore#write} — the path every save of the application takes (week grid, notes, sync
 * apply) — and prints one line per change once {@code write} has returned, i.e. once the change was acknowledged
 * as a screen would show it: {@code ACK hours <id> <minutes>} or {@code ACK note <id> <revision id>}.
 */
public final class KillableWriter {

    private KillableWriter() {
    }

    /** @param args the store file, the participant, and a number that makes this run's rows its own */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String participant = args[1];
        long run = Long.parseLong(args[2]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        try (TerrainStore store = TerrainStore.open(file)) {
            HoursRepository hours = new HoursRepository(store);
            NoteRepository notes = new NoteRepository(store);
            LocalDate first = LocalDate.of(1990, 1, 1).plusDays(run * 4_000);
            out.println("READY");
            for (int i = 0; i < 3_900; i++) {
                LocalDate day = first.plusDays(i);
                int n = i;
                if (i % 4 == 3) {
                    String noteId = UUID.randomUUID().toString();
                    String revisionId = UUID.randomUUID().toString();
                    store.write(StoreTestSupport.USER, tx -> {
                        notes.saveHeader(tx, new SupportNote(noteId, participant, StoreTestSupport.WORKSITE, day,
                                NoteTheme.EMPLOI, NoteVisibility.EQUIPE_CHANTIER, StoreTestSupport.USER, List.of()));
                        notes.addRevision(tx, new SupportNoteRevision(revisionId, noteId, "Entretien n° " + n,
                                StoreTestSupport.USER, Instant.now()), StoreTestSupport.WORKSITE);
                        return null;
                    });
                    out.println("ACK note " + noteId + " " + revisionId);
                } else {
                    int minutes = 15 * (1 + i % 40);
                    store.write(StoreTestSupport.USER, tx -> {
                        hours.set(tx, participant, StoreTestSupport.WORKSITE, day, HoursKind.TRAVAIL_CHANTIER, minutes);
                        return null;
                    });
                    out.println("ACK hours " + fr.convergence.terrain.core.domain.HoursCell.id(participant, day,
                            HoursKind.TRAVAIL_CHANTIER) + " " + minutes);
                }
            }
        }
        out.println("DONE");
    }
}
