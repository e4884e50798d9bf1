package fr.convergence.terrain.core.erasure;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.audit.AuditJournal;
import fr.convergence.terrain.core.domain.AuditAction;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.store.ErasureRepository;
import fr.convergence.terrain.core.store.ParticipantErasure;
import fr.convergence.terrain.core.store.StoreException;
import fr.convergence.terrain.core.store.StoreTransaction;
import fr.convergence.terrain.core.store.TerrainStore;
import java.util.Map;
import java.util.Optional;

/**
 * Erasing a person: their whole file leaves this laptop at once ({@link ParticipantErasure}) and an {@code erasure}
 * tombstone — id, worksite, date, reason; no name — goes to the outbox. The hub, receiving it, deletes the file for
 * good, refuses every later change about the person, and sends the tombstone to the worksite's other laptops, which
 * erase too. Only a coordinator or an administrator erases (ESP and CIP are refused), within the worksites they see.
 */
public final class ErasureService {

    /** French labels of the tables, for the confirmation dialog's list of what goes. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("participant", "fiche d’identité"),
            Map.entry("enrolment", "parcours (entrées et sorties)"),
            Map.entry("phc_step", "paliers PHC"),
            Map.entry("hours_entry", "heures saisies"),
            Map.entry("support_note", "notes de suivi"),
            Map.entry("support_note_revision", "versions de notes"),
            Map.entry("referral", "orientations"),
            Map.entry("referral_status_change", "changements de statut d’orientation"),
            Map.entry("follow_up", "suivis après la sortie"),
            Map.entry("sync_conflict", "conflits de synchronisation"));

    /** What an erasure would remove: the person as named on screen and, per kind of data, how many rows. */
    public record Preview(String participantId, String displayName, String worksiteId, Map<String, Integer> rows) {
    }

    private final Workstation workstation;
    private final TerrainStore store;
    private final ErasureRepository erasures;

    public ErasureService(Workstation workstation) {
        this.workstation = workstation;
        this.store = workstation.store();
        this.erasures = new ErasureRepository(store);
    }

    /** Erasure is a coordinator's or an administrator's act (decided in issue 14): never an ESP's or a CIP's. */
    public static boolean mayErase(User user) {
        return user != null && user.active() && (user.role() == Role.COORDINATOR || user.role() == Role.ADMIN);
    }

    /** The label of a table in the preview ("heures saisies"…). */
    public static String label(String table) {
        return LABELS.getOrDefault(table, table);
    }

    public Preview preview(User user, String participantId) {
        ErasureRepository.Found found = erasures.find(participantId)
                .orElseThrow(() -> new StoreException("Cette personne n’existe plus sur ce poste."));
        requireRight(user, found.worksiteId());
        return new Preview(participantId, found.displayName(), found.worksiteId(), found.rows());
    }

    /** Erases the person now on this laptop; the hub and the other laptops follow at the next sync. */
    public ParticipantErasure.Removed erase(User user, String participantId, ErasureReason reason) {
        String worksite = erasures.worksiteOf(participantId)
                .orElseThrow(() -> new StoreException("Cette personne n’existe plus sur ce poste."));
        requireRight(user, worksite);
        AuditJournal journal = new AuditJournal(store);
        return store.write(user.id(), tx -> erase(tx, erasures, journal, user, participantId, worksite, reason));
    }

    /**
     * The erasure itself, in the caller's transaction (retention erases many people in one): the file removed, the
     * tombstone saved through the outbox like any synced row, and the erasure and its reason in the access journal
     * (which keeps the person's id only: its entries about them stay, as an append-only journal must).
     */
    static ParticipantErasure.Removed erase(StoreTransaction tx, ErasureRepository erasures, AuditJournal journal,
                                            User user, String participantId, String worksiteId,
                                            ErasureReason reason) {
        ParticipantErasure.Removed removed = erasures.erase(tx, participantId, worksiteId, reason.name());
        journal.record(tx, user, AuditAction.EFFACEMENT, worksiteId, participantId, reason.label());
        return removed;
    }

    /** Whether this person's data was erased (a tombstone is here, made here or pulled from the hub). */
    public Optional<ErasureReason> erased(String participantId) {
        return erasures.reasonOf(participantId).map(ErasureReason::of);
    }

    private void requireRight(User user, String worksiteId) {
        if (!mayErase(user)) {
            throw new AccessDeniedException("Seul·e un·e coordinateur·rice ou un·e administrateur·rice peut effacer "
                    + "les données d’une personne.");
        }
        if (!workstation.access().canEdit(user, worksiteId)) {
            throw new AccessDeniedException("Ce chantier n’est pas dans votre périmètre\u00a0: demandez à votre "
                    + "coordinateur·rice de vous y donner accès.");
        }
    }
}
