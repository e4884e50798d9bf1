package fr.convergence.terrain.core.erasure;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.audit.AuditJournal;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.store.ErasureRepository;
import fr.convergence.terrain.core.store.RetentionRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.text.Labels;
import fr.convergence.terrain.core.verdict.Verdict;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Retention (issue 14): for each person, when their support ended — the last exit of their enrolments and the last
 * follow-up after it (done or due), none while an enrolment is open or a follow-up is still to come — and so, with
 * the {@link RetentionSettings}, whether their file is in active use, archived, or due for erasure on a given day.
 * Erasing those due goes through the same path as an erasure on request ({@link ErasureService}), with the reason
 * {@link ErasureReason#CONSERVATION}. The settings are this laptop's, in {@code store_meta}.
 */
public final class RetentionService {

    static final String ARCHIVE_KEY = "retention_archive_after_months";
    static final String ERASE_KEY = "retention_erase_after_months";

    /** Where a file stands on a day. */
    public enum Stage {
        ACTIVE,
        ARCHIVED,
        DUE_FOR_ERASURE;

        public String label() {
            return Labels.french(this);
        }
    }

    /**
     * One person's file: when support ended (null while it goes on: never archived nor erased), when it is archived
     * and erased under the current settings, and its stage on the day asked.
     */
    public record FileRetention(String participantId, String displayName, String worksiteId, LocalDate supportEnded,
                                LocalDate archiveOn, LocalDate eraseOn, Stage stage) {
    }

    private final Workstation workstation;
    private final TerrainStore store;
    private final Clock clock;

    public RetentionService(Workstation workstation, Clock clock) {
        this.workstation = workstation;
        this.store = workstation.store();
        this.clock = clock;
    }

    public RetentionSettings settings() {
        return settingsOf(store);
    }

    /** The settings stored in {@code store} ({@link #settings}), for {@link ArchiveRule}. */
    static RetentionSettings settingsOf(TerrainStore store) {
        int archive = store.meta(ARCHIVE_KEY).map(Integer::parseInt)
                .orElse(RetentionSettings.DEFAULTS.archiveAfterMonths());
        int erase = store.meta(ERASE_KEY).map(Integer::parseInt).orElse(RetentionSettings.DEFAULTS.eraseAfterMonths());
        RetentionSettings stored = new RetentionSettings(archive, erase);
        // A store edited by hand past the ceiling is read at the ceiling: the guidance is never exceeded.
        return stored.check().isRefused() ? RetentionSettings.DEFAULTS : stored;
    }

    /** Shortens (or restores) the durations; administrators only, and never past {@link RetentionSettings#MAXIMUM}. */
    public Verdict changeSettings(User user, RetentionSettings settings) {
        if (user == null || !user.active() || user.role() != Role.ADMIN) {
            throw new AccessDeniedException("Seul·e un·e administrateur·rice peut modifier les durées de conservation.");
        }
        Verdict verdict = settings.check();
        if (!verdict.isRefused()) {
            store.putMeta(ARCHIVE_KEY, String.valueOf(settings.archiveAfterMonths()));
            store.putMeta(ERASE_KEY, String.valueOf(settings.eraseAfterMonths()));
        }
        return verdict;
    }

    /** Today, by the injected clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Every file of the worksites {@code user} sees with its stage on {@code day}, those to erase first, then the
     * archived; only coordinators and administrators (archived files are theirs to read).
     */
    public List<FileRetention> review(User user, LocalDate day) {
        requireCoordination(user);
        RetentionSettings settings = settings();
        List<FileRetention> files = new ArrayList<>();
        for (FileRetention file : files(new RetentionRepository(store).all())) {
            if (!workstation.access().canSee(user, file.worksiteId())) {
                continue;
            }
            files.add(stage(file, settings, day));
        }
        files.sort(Comparator.comparing(FileRetention::stage).reversed()
                .thenComparing(f -> f.eraseOn() == null ? LocalDate.MAX : f.eraseOn()));
        return files;
    }

    /** Those of {@link #review} due for erasure on {@code day}. */
    public List<FileRetention> dueForErasure(User user, LocalDate day) {
        return review(user, day).stream().filter(f -> f.stage() == Stage.DUE_FOR_ERASURE).toList();
    }

    /**
     * Erases every file due on {@code day} that {@code user} sees, in one transaction, each as an erasure on request
     * would be (tombstone, sync), with the reason "durée de conservation". Returns how many people.
     */
    public int eraseDue(User user, LocalDate day) {
        if (!ErasureService.mayErase(user)) {
            throw new AccessDeniedException("Seul·e un·e coordinateur·rice ou un·e administrateur·rice peut effacer "
                    + "les dossiers échus.");
        }
        List<FileRetention> due = dueForErasure(user, day);
        if (due.isEmpty()) {
            return 0;
        }
        AuditJournal journal = new AuditJournal(store);
        ErasureRepository erasures = new ErasureRepository(store);
        return store.write(user.id(), tx -> {
            for (FileRetention file : due) {
                ErasureService.erase(tx, erasures, journal, user, file.participantId(), file.worksiteId(),
                        ErasureReason.CONSERVATION);
            }
            return due.size();
        });
    }

    static FileRetention stage(FileRetention file, RetentionSettings settings, LocalDate day) {
        if (file.supportEnded() == null) {
            return new FileRetention(file.participantId(), file.displayName(), file.worksiteId(), null, null, null,
                    Stage.ACTIVE);
        }
        LocalDate archiveOn = file.supportEnded().plusMonths(settings.archiveAfterMonths());
        LocalDate eraseOn = file.supportEnded().plusMonths(settings.eraseAfterMonths());
        Stage stage = !day.isBefore(eraseOn) ? Stage.DUE_FOR_ERASURE
                : settings.archivedOn(file.supportEnded(), day) ? Stage.ARCHIVED : Stage.ACTIVE;
        return new FileRetention(file.participantId(), file.displayName(), file.worksiteId(), file.supportEnded(),
                archiveOn, eraseOn, stage);
    }

    /** Each person of {@code found} as a file at its first stage, its dates filled in by {@link #stage}. */
    static List<FileRetention> files(List<RetentionRepository.SupportEnd> found) {
        return found.stream().map(e -> new FileRetention(e.participantId(), e.displayName(), e.worksiteId(),
                e.ended(), null, null, Stage.ACTIVE)).toList();
    }

    private static void requireCoordination(User user) {
        if (!ErasureService.mayErase(user)) {
            throw new AccessDeniedException("La conservation des données est réservée à la coordination et à "
                    + "l’administration.");
        }
    }
}
