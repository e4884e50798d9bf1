package fr.convergence.terrain.core.erasure;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.erasure.RetentionService.FileRetention;
import fr.convergence.terrain.core.erasure.RetentionService.Stage;
import fr.convergence.terrain.core.store.RetentionRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Archived files are read by coordination and administration only (issue 14; who: {@link
 * AccessPolicy#readsArchivedFiles}). The one place the services ask, for a file opened ({@link #checkFile}) and for
 * the lists they return ({@link #hiddenFrom}): an ESP or a CIP is refused a file archived or due for erasure today,
 * and does not see it in lists. The stage is {@link RetentionService}'s, with the laptop's settings and the store's
 * clock; a list costs three queries for its worksites, whatever their size.
 */
public final class ArchiveRule {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final TerrainStore store;

    public ArchiveRule(TerrainStore store) {
        this.store = store;
    }

    /** Refuses {@code user} the file of {@code participantId} if it is archived today and they may not read it. */
    public void checkFile(User user, String participantId) {
        if (AccessPolicy.readsArchivedFiles(user)) {
            return;
        }
        for (FileRetention file : stagesToday(List.of(), participantId)) {
            if (file.stage() != Stage.ACTIVE) {
                throw new AccessDeniedException("Ce dossier est archivé (fin de l’accompagnement le "
                        + file.supportEnded().format(DATE) + ")\u00a0: seule la coordination peut le consulter.");
            }
        }
    }

    /**
     * The people of {@code worksiteIds} whose file {@code user} may not read today because it is archived: to leave
     * out of the lists they get. Empty for coordination and administration.
     */
    public Set<String> hiddenFrom(User user, Collection<String> worksiteIds) {
        if (AccessPolicy.readsArchivedFiles(user) || worksiteIds.isEmpty()) {
            return Set.of();
        }
        return stagesToday(worksiteIds, null).stream().filter(f -> f.stage() != Stage.ACTIVE)
                .map(FileRetention::participantId).collect(Collectors.toUnmodifiableSet());
    }

    private List<FileRetention> stagesToday(Collection<String> worksiteIds, String participantId) {
        LocalDate today = LocalDate.now(store.clock());
        RetentionSettings settings = RetentionService.settingsOf(store);
        RetentionRepository retention = new RetentionRepository(store);
        return RetentionService.files(participantId != null ? retention.of(participantId)
                        : retention.ofWorksites(worksiteIds)).stream()
                .map(f -> RetentionService.stage(f, settings, today)).toList();
    }
}
