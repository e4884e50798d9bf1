package fr.convergence.terrain.core.referral;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.erasure.ArchiveRule;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.ParticipantField;
import fr.convergence.terrain.core.domain.Partner;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.ReferralRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.store.UserRepository;
import fr.convergence.terrain.core.text.NameOrder;
import fr.convergence.terrain.core.verdict.Result;
import fr.convergence.terrain.core.verdict.Verdict;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Referrals to partners: prepare one with only the participant fields its partner needs (data minimisation),
 * keep its documents checklist, move it along {@link ReferralWorkflow} with a dated and signed history written
 * in the same transaction as the status, and list a worksite's referrals with the overdue ones flagged.
 */
public final class ReferralService {

    static final int MAX_PURPOSE_LENGTH = 2_000;
    static final int MAX_COMMENT_LENGTH = 2_000;
    static final int MAX_DOCUMENT_LENGTH = 200;
    static final int MAX_DOCUMENTS = 15;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final TerrainStore store;
    private final AccessPolicy access;
    private final ReferralRepository referrals;
    private final ParticipantRepository participants;
    private final ReferenceRepository reference;
    private final UserRepository users;
    private final Clock clock;
    private final int overdueDays;
    private final ArchiveRule archives;

    public ReferralService(TerrainStore store, AccessPolicy access) {
        this(store, access, ReferralDelay.DEFAULT_DAYS);
    }

    /** @param overdueDays days without a status move after which a referral awaiting its partner is overdue */
    public ReferralService(TerrainStore store, AccessPolicy access, int overdueDays) {
        if (overdueDays < 1) {
            throw new IllegalArgumentException("overdueDays must be at least 1");
        }
        this.store = store;
        this.access = access;
        this.referrals = new ReferralRepository(store);
        this.participants = new ParticipantRepository(store);
        this.reference = new ReferenceRepository(store);
        this.users = new UserRepository(store);
        this.clock = store.clock();
        this.overdueDays = overdueDays;
        this.archives = new ArchiveRule(store);
    }

    public int overdueDays() {
        return overdueDays;
    }

    /** The partner's usual documents, none provided yet: the checklist a new referral starts with. */
    public static Map<String, Boolean> usualChecklist(Partner partner) {
        Map<String, Boolean> documents = new LinkedHashMap<>();
        partner.usualDocuments().forEach(d -> documents.put(d, false));
        return documents;
    }

    /**
     * What a referral to {@code partner} would share about the participant: the partner's needed fields, in
     * order, with their current values (null when the file does not have it, which is then not sent).
     */
    public Map<ParticipantField, String> sharedFieldsPreview(User user, String participantId, Partner partner) {
        Participant participant = participant(participantId);
        requireAccess(user, participant.worksiteId());
        requireDetails(user);
        Map<ParticipantField, String> preview = new LinkedHashMap<>();
        partner.neededFields().forEach(f -> preview.put(f, blankToNull(f.valueOf(participant))));
        return preview;
    }

    /** Refusals (no partner, no purpose, a nameless "other" partner…) for the dialog, before it saves. */
    public Verdict check(ReferralDraft draft) {
        List<Verdict> verdicts = new ArrayList<>();
        if (draft.partner() == null) {
            verdicts.add(Verdict.refused("Choisissez le partenaire vers qui orienter."));
        } else if (draft.partner() == Partner.AUTRE && isBlank(draft.partnerName())) {
            verdicts.add(Verdict.refused("Indiquez le nom du partenaire."));
        }
        if (isBlank(draft.purpose())) {
            verdicts.add(Verdict.refused("Indiquez l’objet de l’orientation (par exemple «\u00a0Demande de "
                    + "logement\u00a0»)."));
        } else if (draft.purpose().strip().length() > MAX_PURPOSE_LENGTH) {
            verdicts.add(Verdict.refused("L’objet de l’orientation est trop long (" + MAX_PURPOSE_LENGTH
                    + " caractères au plus)\u00a0: gardez le détail pour une note d’accompagnement."));
        }
        if (draft.documents() != null) {
            verdicts.add(checkDocuments(draft.documents()));
        }
        return Verdict.all(verdicts);
    }

    /** Prepares a referral (status BROUILLON), with the partner's fields copied from the participant's file. */
    public Result<Referral> create(User user, ReferralDraft draft) {
        Participant participant = participant(draft.participantId());
        requireAccess(user, participant.worksiteId());
        requireDetails(user);
        archives.checkFile(user, participant.id());
        LocalDate today = LocalDate.now(clock);
        Verdict verdict = check(draft)
                .and(ReferralWorkflow.checkTransition(null, ReferralStatus.BROUILLON, today, user.id()));
        if (!verdict.saveAllowed()) {
            return Result.refused(verdict);
        }
        Map<ParticipantField, String> shared = new LinkedHashMap<>();
        for (ParticipantField field : draft.partner().neededFields()) {
            String value = blankToNull(field.valueOf(participant));
            if (value != null) {
                shared.put(field, value);
            }
        }
        Map<String, Boolean> documents = draft.documents() == null
                ? usualChecklist(draft.partner()) : cleanDocuments(draft.documents());
        String referralId = store.newRowId();
        ReferralStatusChange creation = new ReferralStatusChange(store.newRowId(), referralId, null,
                ReferralStatus.BROUILLON, today, user.id(), null);
        Referral referral = new Referral(referralId, participant.id(), participant.worksiteId(), draft.partner(),
                draft.partner() == Partner.AUTRE ? draft.partnerName().strip() : null, draft.purpose().strip(),
                documents, shared, ReferralStatus.BROUILLON, today, List.of(creation));
        store.write(user.id(), tx -> {
            referrals.save(tx, referral);
            referrals.addStatusChange(tx, creation, referral.worksiteId());
            return null;
        });
        return Result.saved(referral, verdict);
    }

    /**
     * Moves the referral to {@code to} on {@code on}, signed by {@code user}: the status and its history line are
     * written in one transaction, after checking the move against the state the store holds at that moment.
     */
    public Result<Referral> move(User user, String referralId, ReferralStatus to, LocalDate on, String comment) {
        requireAccess(user, referral(user, referralId).worksiteId());
        requireDetails(user);
        return store.write(user.id(), tx -> {
            Referral current = referrals.find(referralId).orElseThrow();
            Verdict verdict = ReferralWorkflow.checkTransition(current.status(), to, on, user.id())
                    .and(checkMoveDate(current, on))
                    .and(comment != null && comment.strip().length() > MAX_COMMENT_LENGTH
                            ? Verdict.refused("Le commentaire est trop long (" + MAX_COMMENT_LENGTH
                                    + " caractères au plus).")
                            : Verdict.ok());
            if (!verdict.saveAllowed()) {
                return Result.refused(verdict);
            }
            ReferralStatusChange change = new ReferralStatusChange(store.newRowId(), referralId,
                    current.status(), to, on, user.id(), isBlank(comment) ? null : comment.strip());
            List<ReferralStatusChange> history = new ArrayList<>(current.history());
            history.add(change);
            Referral moved = new Referral(current.id(), current.participantId(), current.worksiteId(),
                    current.partner(), current.partnerName(), current.purpose(), current.documents(),
                    current.sharedFields(), to, current.createdOn(), List.copyOf(history));
            referrals.save(tx, moved);
            referrals.addStatusChange(tx, change, moved.worksiteId());
            return Result.saved(moved, verdict);
        });
    }

    /** Ticks documents of the checklist as provided (or adds documents the partner asked for). */
    public Result<Referral> updateDocuments(User user, String referralId, Map<String, Boolean> documents) {
        requireAccess(user, referral(user, referralId).worksiteId());
        requireDetails(user);
        Referral current = referrals.find(referralId).orElseThrow();
        Verdict verdict = checkDocuments(documents);
        if (!verdict.saveAllowed()) {
            return Result.refused(verdict);
        }
        Referral updated = new Referral(current.id(), current.participantId(), current.worksiteId(),
                current.partner(), current.partnerName(), current.purpose(), cleanDocuments(documents),
                current.sharedFields(), current.status(), current.createdOn(), current.history());
        store.write(user.id(), tx -> {
            referrals.save(tx, updated);
            return null;
        });
        return Result.saved(updated, verdict);
    }

    public Referral referral(User user, String referralId) {
        Referral referral = referrals.find(referralId)
                .orElseThrow(() -> new IllegalArgumentException("Orientation introuvable\u00a0: " + referralId));
        requireAccess(user, referral.worksiteId());
        archives.checkFile(user, referral.participantId());
        return AccessPolicy.referralFor(user, referral);
    }

    public List<Referral> ofParticipant(User user, String participantId) {
        requireAccess(user, participant(participantId).worksiteId());
        archives.checkFile(user, participantId);
        return referrals.ofParticipant(participantId).stream().map(r -> AccessPolicy.referralFor(user, r)).toList();
    }

    /** The participants of the worksites, by last name, to choose whom a new referral is for. */
    public List<Participant> participants(User user, Collection<String> worksiteIds) {
        worksiteIds.forEach(id -> requireAccess(user, id));
        Set<String> archived = archives.hiddenFrom(user, worksiteIds);
        return worksiteIds.stream().flatMap(id -> participants.ofWorksite(id).stream())
                .filter(p -> !archived.contains(p.id()))
                .map(p -> AccessPolicy.participantFor(user, p))
                .sorted(NameOrder.byPerson(Participant::lastName, Participant::firstName))
                .toList();
    }

    /** Display names of this laptop's users by id, for "changed by"; others are shown as a colleague. */
    public Map<String, String> userNames() {
        return users.all().stream().collect(Collectors.toUnmodifiableMap(User::id, User::displayName));
    }

    /** The worksites whose referrals {@code user} may list, by name. */
    public List<Worksite> worksites(User user) {
        return reference.worksites().stream().filter(w -> access.canSee(user, w.id())).toList();
    }

    /**
     * The referrals of the given worksites that pass the filter, overdue ones first, then the longest without
     * news first; refused if one of the worksites is outside the user's.
     */
    public List<ReferralRow> list(User user, Collection<String> worksiteIds, ReferralFilter filter) {
        worksiteIds.forEach(id -> requireAccess(user, id));
        LocalDate today = LocalDate.now(clock);
        Map<String, String> worksiteNames = reference.worksites().stream()
                .collect(Collectors.toMap(Worksite::id, Worksite::name));
        Set<String> archived = archives.hiddenFrom(user, worksiteIds);
        List<ReferralRow> rows = new ArrayList<>();
        for (String worksiteId : worksiteIds) {
            Map<String, String> names = participants.ofWorksite(worksiteId).stream()
                    .collect(Collectors.toMap(Participant::id, Participant::fullName));
            for (Referral referral : referrals.ofWorksite(worksiteId)) {
                if (archived.contains(referral.participantId())
                        || filter.partner() != null && referral.partner() != filter.partner()
                        || filter.status() != null && referral.status() != filter.status()) {
                    continue;
                }
                boolean overdue = ReferralDelay.overdue(referral, overdueDays, today);
                if (filter.overdueOnly() && !overdue) {
                    continue;
                }
                rows.add(new ReferralRow(AccessPolicy.referralFor(user, referral), names.getOrDefault(referral.participantId(), "?"),
                        worksiteNames.getOrDefault(worksiteId, worksiteId), ReferralDelay.lastChange(referral),
                        overdue));
            }
        }
        rows.sort(Comparator.comparing((ReferralRow r) -> !r.overdue())
                .thenComparing(ReferralRow::lastChange)
                .thenComparing(r -> r.referral().id()));
        return List.copyOf(rows);
    }

    private Verdict checkMoveDate(Referral current, LocalDate on) {
        if (on == null) {
            return Verdict.ok();
        }
        if (on.isAfter(LocalDate.now(clock))) {
            return Verdict.refused("La date du changement de statut est dans le futur\u00a0: indiquez le jour où il "
                    + "a eu lieu.");
        }
        LocalDate last = ReferralDelay.lastChange(current);
        if (last != null && on.isBefore(last)) {
            return Verdict.refused("La date du changement de statut précède le dernier changement ("
                    + last.format(DATE) + ")\u00a0: indiquez une date à partir de celle-ci.");
        }
        return Verdict.ok();
    }

    private static Verdict checkDocuments(Map<String, Boolean> documents) {
        if (documents.keySet().stream().anyMatch(ReferralService::isBlank)) {
            return Verdict.refused("Donnez un nom à chaque pièce de la liste, ou retirez la ligne vide.");
        }
        if (documents.keySet().stream().anyMatch(d -> d.strip().length() > MAX_DOCUMENT_LENGTH)) {
            return Verdict.refused("Le nom d’une pièce est trop long (" + MAX_DOCUMENT_LENGTH
                    + " caractères au plus).");
        }
        if (documents.size() > MAX_DOCUMENTS) {
            return Verdict.refused("La liste des pièces est limitée à " + MAX_DOCUMENTS + " lignes.");
        }
        return Verdict.ok();
    }

    private static Map<String, Boolean> cleanDocuments(Map<String, Boolean> documents) {
        return documents.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().strip(),
                e -> Boolean.TRUE.equals(e.getValue()), (a, b) -> a || b, LinkedHashMap::new));
    }

    private Participant participant(String participantId) {
        return participants.find(participantId)
                .orElseThrow(() -> new IllegalArgumentException("Salarié·e introuvable\u00a0: " + participantId));
    }

    private void requireAccess(User user, String worksiteId) {
        if (!access.canEdit(user, worksiteId)) {
            throw new AccessDeniedException("Ce chantier n’est pas dans votre périmètre\u00a0: les orientations de ses "
                    + "salarié·es ne vous sont pas accessibles.");
        }
    }

    /**
     * Preparing and following a referral is the CIP's work: an ESP sees that a referral exists (partner, status) but
     * neither its details nor the fields it would share, so does not make or move one.
     */
    private static void requireDetails(User user) {
        if (!AccessPolicy.readsWholeFile(user)) {
            throw new AccessDeniedException("Les orientations sont préparées et suivies par la CIP ou la "
                    + "coordination\u00a0: demandez-leur de la faire.");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return isBlank(text) ? null : text.strip();
    }
}
