package fr.convergence.terrain.core.print;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.audit.AuditJournal;
import fr.convergence.terrain.core.demo.DemoMarking;
import fr.convergence.terrain.core.erasure.ArchiveRule;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.ReferralRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.text.NameOrder;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the print page and the {@code terrain print} command choose from: the user's worksites, their participants,
 * referrals, and who is still followed (the batch of follow-up sheets).
 */
public final class PrintCatalogService {

    /** CVG participants are followed for a year after they leave; their sheets stay in the batch that long. */
    public static final int FOLLOWED_MONTHS_AFTER_EXIT = 12;

    private final ReferenceRepository reference;
    private final ParticipantRepository participants;
    private final EnrolmentRepository enrolments;
    private final ReferralRepository referrals;
    private final AccessPolicy access;
    private final TerrainStore store;
    private final AuditJournal journal;
    private final ArchiveRule archives;

    public PrintCatalogService(TerrainStore store, AccessPolicy access) {
        this.store = store;
        this.reference = new ReferenceRepository(store);
        this.participants = new ParticipantRepository(store);
        this.enrolments = new EnrolmentRepository(store);
        this.referrals = new ReferralRepository(store);
        this.access = access;
        this.journal = new AuditJournal(store);
        this.archives = new ArchiveRule(store);
    }

    /** Where the print-outs made from this catalogue are recorded (the printer records each one: issue 14). */
    public AuditJournal journal() {
        return journal;
    }

    /** Whether print-outs of this store must be marked as demonstration data (asks {@link DemoMarking}). */
    public boolean demo() {
        return DemoMarking.isDemo(store);
    }

    /** The worksites the user sees, by name. */
    public List<Worksite> worksites(User user) {
        return reference.worksites().stream().filter(w -> access.canSee(user, w.id()))
                .sorted(NameOrder.by(Worksite::name)).toList();
    }

    public Optional<Worksite> worksite(User user, String worksiteId) {
        return reference.worksite(worksiteId).filter(w -> access.canSee(user, w.id()));
    }

    /** Every participant of the worksite, by last name (archived files only for coordination: {@link ArchiveRule}). */
    public List<Participant> participants(User user, String worksiteId) {
        checkSees(user, worksiteId);
        Set<String> archived = archives.hiddenFrom(user, List.of(worksiteId));
        return participants.ofWorksite(worksiteId).stream().filter(p -> !archived.contains(p.id()))
                .map(p -> AccessPolicy.participantFor(user, p)).toList();
    }

    /**
     * Participants of the worksite whose follow-up sheet belongs in the batch: enrolled on {@code today}, or
     * left less than {@link #FOLLOWED_MONTHS_AFTER_EXIT} months ago; everyone with {@code includeExited}.
     */
    public List<Participant> followedParticipants(User user, String worksiteId, LocalDate today,
                                                  boolean includeExited) {
        List<Participant> all = participants(user, worksiteId);
        if (includeExited) {
            return all;
        }
        Map<String, List<Enrolment>> byParticipant = enrolments.ofWorksite(worksiteId).stream()
                .collect(Collectors.groupingBy(Enrolment::participantId));
        LocalDate horizon = today.minusMonths(FOLLOWED_MONTHS_AFTER_EXIT);
        return all.stream().filter(p -> byParticipant.getOrDefault(p.id(), List.of()).stream()
                .anyMatch(e -> !e.entryDate().isAfter(today)
                        && (e.exitDate() == null || !e.exitDate().isBefore(horizon)))).toList();
    }

    /** The participant's referrals, newest first. */
    public List<Referral> referrals(User user, String participantId) {
        Participant participant = participants.find(participantId)
                .orElseThrow(() -> new IllegalArgumentException("Salarié·e introuvable\u00a0: " + participantId));
        checkSees(user, participant.worksiteId());
        archives.checkFile(user, participantId);
        return referrals.ofParticipant(participantId).stream().map(r -> AccessPolicy.referralFor(user, r)).toList();
    }

    private void checkSees(User user, String worksiteId) {
        if (!access.canSee(user, worksiteId)) {
            throw new AccessDeniedException("Ce chantier n’est pas dans votre périmètre.");
        }
    }
}
