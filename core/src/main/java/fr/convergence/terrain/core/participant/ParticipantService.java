package fr.convergence.terrain.core.participant;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.erasure.ArchiveRule;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.ExitReason;
import fr.convergence.terrain.core.domain.FollowUp;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.SocialSecurityNumber;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.FollowUpRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.verdict.Result;
import fr.convergence.terrain.core.verdict.Verdict;
import fr.convergence.terrain.core.week.CddiRules;
import fr.convergence.terrain.core.week.CvgRules;
import fr.convergence.terrain.core.week.PhcRules;
import fr.convergence.terrain.core.week.PhcStepLadder;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The participants screen's service: search with filters and counts, creating and editing a participant with
 * their enrolment, PHC steps, and exits (with the CVG follow-ups they make due). Every change is checked by the
 * rules first and nothing refused is written.
 */
public final class ParticipantService {

    private static final int SEARCH_LIMIT = 5_000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[+0-9 .()-]{6,20}");

    private final TerrainStore store;
    private final Workstation workstation;
    private final ParticipantRepository participants;
    private final EnrolmentRepository enrolments;
    private final FollowUpRepository followUps;
    private final Clock clock;
    private final PhcStepLadder ladder = PhcStepLadder.DEFAULT;

    public ParticipantService(Workstation workstation) {
        this.workstation = workstation;
        this.store = workstation.store();
        this.participants = new ParticipantRepository(store);
        this.enrolments = new EnrolmentRepository(store);
        this.followUps = new FollowUpRepository(store);
        this.clock = store.clock();
    }

    /** Matching lines and the counts of the whole worksite, so the list can say "12 of 120". */
    public record SearchResult(List<ParticipantSummary> rows, int total, int active, int exited) {
    }

    /** What an exit recorded: the enrolment as saved and the follow-ups it made due. */
    public record ExitOutcome(Enrolment enrolment, List<FollowUp> followUps) {
    }

    /** The laptop's worksite, where new participants are created. */
    public String homeWorksite() {
        return workstation.worksite().orElseThrow(() -> new IllegalStateException(
                "Ce poste n’est pas encore installé\u00a0: choisissez son chantier.")).id();
    }

    /** {@link #search(User, String, ParticipantQuery)} on the laptop's worksite. */
    public SearchResult search(User user, ParticipantQuery query) {
        return search(user, homeWorksite(), query);
    }

    public SearchResult search(User user, String worksiteId, ParticipantQuery query) {
        requireAccess(user, worksiteId);
        LocalDate today = LocalDate.now(clock);
        Map<String, Enrolment> latest = new HashMap<>();
        for (Enrolment e : enrolments.ofWorksite(worksiteId)) {
            latest.merge(e.participantId(), e, (a, b) -> b.entryDate().isBefore(a.entryDate()) ? a : b);
        }
        Map<String, List<PhcStep>> steps = enrolments.stepsOfWorksite(worksiteId);
        // Archived files are coordination's: not listed (nor counted) for an ESP or a CIP.
        Set<String> archived = new ArchiveRule(store).hiddenFrom(user, List.of(worksiteId));
        List<ParticipantSummary> all = new ArrayList<>();
        for (Participant p : participants.search(List.of(worksiteId), "", SEARCH_LIMIT)) {
            if (archived.contains(p.id())) {
                continue;
            }
            all.add(summary(AccessPolicy.participantFor(user, p), latest.get(p.id()), steps, today));
        }
        int active = (int) all.stream().filter(ParticipantSummary::active).count();
        List<ParticipantSummary> candidates = all;
        String text = query.text() == null ? "" : query.text().strip();
        if (!text.isEmpty()) {
            Map<String, ParticipantSummary> byId = new HashMap<>();
            all.forEach(s -> byId.put(s.participant().id(), s));
            candidates = participants.search(List.of(worksiteId), text, SEARCH_LIMIT).stream()
                    .map(p -> byId.get(p.id())).filter(s -> s != null).toList();
        }
        List<ParticipantSummary> rows = candidates.stream().filter(s -> matches(s, query)).toList();
        return new SearchResult(rows, all.size(), active, all.size() - active);
    }

    private static boolean matches(ParticipantSummary s, ParticipantQuery query) {
        if (query.programme() != null && (s.enrolment() == null || s.enrolment().programme() != query.programme())) {
            return false;
        }
        if (query.status() == ParticipantQuery.Status.ACTIVE && !s.active()) {
            return false;
        }
        if (query.status() == ParticipantQuery.Status.EXITED && s.active()) {
            return false;
        }
        return query.stepTarget() == null || query.stepTarget().equals(s.currentStep());
    }

    private ParticipantSummary summary(Participant p, Enrolment e, Map<String, List<PhcStep>> steps, LocalDate today) {
        if (e == null) {
            return new ParticipantSummary(p, null, null, false);
        }
        boolean active = e.exitDate() == null || e.exitDate().isAfter(today);
        Integer step = e.contractType() == ContractType.PHC
                ? PhcRules.stepOn(steps.getOrDefault(e.id(), List.of()), today).map(PhcStep::targetHours)
                        .orElse(ladder.first())
                : null;
        return new ParticipantSummary(p, e, step, active);
    }

    /** Identity fields: names required, a birth date in the past, a readable phone and e-mail. */
    public Verdict checkParticipant(Participant p) {
        List<Verdict> verdicts = new ArrayList<>();
        if (blank(p.firstName())) {
            verdicts.add(Verdict.refused("Indiquez le prénom."));
        }
        if (blank(p.lastName())) {
            verdicts.add(Verdict.refused("Indiquez le nom."));
        }
        LocalDate today = LocalDate.now(clock);
        if (p.birthDate() != null) {
            if (!p.birthDate().isBefore(today)) {
                verdicts.add(Verdict.refused("La date de naissance doit être passée."));
            } else if (p.birthDate().isAfter(today.minusYears(16))) {
                verdicts.add(Verdict.warning("La personne a moins de 16 ans d’après sa date de naissance\u00a0: "
                        + "vérifiez la date."));
            } else if (p.birthDate().isBefore(today.minusYears(100))) {
                verdicts.add(Verdict.refused("La date de naissance donne plus de 100 ans\u00a0: vérifiez l’année."));
            }
        }
        if (!blank(p.email()) && !EMAIL.matcher(p.email().strip()).matches()) {
            verdicts.add(Verdict.refused("Le courriel «\u00a0" + p.email().strip() + "\u00a0» n’est pas valide "
                    + "(exemple\u00a0: prenom.nom@exemple.fr)."));
        }
        if (!blank(p.phone()) && !PHONE.matcher(p.phone().strip()).matches()) {
            verdicts.add(Verdict.refused("Le téléphone «\u00a0" + p.phone().strip() + "\u00a0» n’est pas valide "
                    + "(exemple\u00a0: 06 12 34 56 78)."));
        }
        return Verdict.all(verdicts);
    }

    /** The enrolment's own fields: an entry date, the contract matching the programme, the CDDI rules. */
    public Verdict checkEnrolment(Enrolment e) {
        List<Verdict> verdicts = new ArrayList<>();
        if (e.programme() == null) {
            verdicts.add(Verdict.refused("Choisissez le programme (Premières Heures ou Convergence)."));
        }
        if (e.contractType() == null) {
            verdicts.add(Verdict.refused("Choisissez le type de contrat."));
        }
        if (e.entryDate() == null) {
            verdicts.add(Verdict.refused("Indiquez la date d’entrée."));
        } else if (e.entryDate().isAfter(LocalDate.now(clock).plusMonths(3))) {
            verdicts.add(Verdict.warning("L’entrée est prévue dans plus de 3 mois\u00a0: vérifiez la date."));
        }
        if (e.programme() == Programme.PHC && e.contractType() == ContractType.CDDI) {
            verdicts.add(Verdict.refused("En Premières Heures, le contrat est un contrat Premières Heures, pas un CDDI."));
        }
        if (e.programme() == Programme.CVG && e.contractType() == ContractType.PHC) {
            verdicts.add(Verdict.refused("En Convergence (CVG), le contrat est un CDDI."));
        }
        if (e.entryDate() != null && e.contractType() != null) {
            verdicts.add(CddiRules.checkContract(e, clock));
        }
        return Verdict.all(verdicts);
    }

    /**
     * Creates a participant on the laptop's worksite with a first enrolment (a PHC one starts at the ladder's
     * first step). The ids of {@code draft} and {@code enrolmentDraft} are ignored.
     */
    public Result<Participant> create(User user, Participant draft, Enrolment enrolmentDraft) {
        requireAccess(user, draft.worksiteId());
        // A mask sent back by a form is never a number: it must not be stored as one.
        Participant participant = trimmed(SocialSecurityNumber.isMasked(draft.socialSecurityNumber())
                ? new Participant(null, draft.worksiteId(), draft.firstName(), draft.lastName(), draft.birthDate(),
                        draft.phone(), draft.email(), draft.address(), null, draft.referentName())
                : draft, store.newRowId());
        Enrolment enrolment = withIds(enrolmentDraft, store.newRowId(), participant);
        Verdict verdict = checkParticipant(participant).and(checkEnrolment(enrolment))
                .and(checkSocialSecurityNumberChange(user, null, participant.socialSecurityNumber()))
                .and(checkSocialSecurityNumber(null, participant.socialSecurityNumber()));
        if (!verdict.saveAllowed()) {
            return Result.refused(verdict);
        }
        store.write(user.id(), tx -> {
            participants.save(tx, participant);
            enrolments.save(tx, enrolment);
            if (enrolment.contractType() == ContractType.PHC) {
                enrolments.saveStep(tx, new PhcStep(store.newRowId(), enrolment.id(), ladder.first(),
                        enrolment.entryDate()), participant.worksiteId());
            }
            return null;
        });
        return Result.saved(AccessPolicy.participantFor(user, participant), verdict);
    }

    /**
     * Saves edited identity and contact fields. Someone who reads the social-security number only masked (an ESP)
     * gets it back masked in the form: sending it back, or leaving it empty, keeps the stored number; typing another
     * one is refused (the number is the CIP's to keep).
     */
    public Result<Participant> update(User user, Participant edited) {
        Participant stored = participants.find(edited.id())
                .orElseThrow(() -> new IllegalArgumentException("Salarié·e introuvable\u00a0: " + edited.id()));
        requireWritable(user, stored.worksiteId(), stored.id());
        Participant participant = trimmed(edited, stored.id());
        Verdict ssn = checkSocialSecurityNumberChange(user, stored.socialSecurityNumber(),
                participant.socialSecurityNumber());
        String number = AccessPolicy.readsWholeFile(user) ? participant.socialSecurityNumber()
                : stored.socialSecurityNumber();
        participant = new Participant(participant.id(), stored.worksiteId(), participant.firstName(),
                participant.lastName(), participant.birthDate(), participant.phone(), participant.email(),
                participant.address(), number, participant.referentName());
        Verdict verdict = checkParticipant(participant).and(ssn)
                .and(checkSocialSecurityNumber(stored.socialSecurityNumber(), number));
        if (!verdict.saveAllowed()) {
            return Result.refused(verdict);
        }
        Participant toSave = participant;
        store.write(user.id(), tx -> {
            participants.save(tx, toSave);
            return null;
        });
        return Result.saved(AccessPolicy.participantFor(user, toSave), verdict);
    }

    /**
     * Refuses a social-security number typed by someone who may not read it whole: they would be writing a number
     * they cannot check afterwards. Empty, unchanged or the masked form sent back are not changes.
     */
    private static Verdict checkSocialSecurityNumberChange(User user, String stored, String typed) {
        if (AccessPolicy.readsWholeFile(user) || typed == null || typed.isBlank()
                || SocialSecurityNumber.isMasked(typed) || typed.strip().equals(stored)) {
            return Verdict.ok();
        }
        return Verdict.refused("Le numéro de sécurité sociale est tenu par la CIP\u00a0: laissez ce champ tel quel et "
                + "demandez-lui de le saisir.");
    }

    /**
     * Refuses a number typed with a wrong shape or control key: it goes out on CPAM referrals. A number already on
     * file (kept as it was, or sent back masked) is not checked again, so a file synced with an old wrong number can
     * still be edited — the number is corrected when someone types it again.
     */
    private static Verdict checkSocialSecurityNumber(String stored, String number) {
        if (number == null || number.isBlank() || SocialSecurityNumber.isMasked(number)
                || number.strip().equals(stored)) {
            return Verdict.ok();
        }
        return SocialSecurityNumber.problem(number).map(Verdict::refused).orElse(Verdict.ok());
    }

    /** Saves the edited contract fields of an enrolment (not its exit: see {@link #exit}). */
    public Result<Enrolment> updateEnrolment(User user, Enrolment edited) {
        Enrolment stored = enrolments.find(edited.id())
                .orElseThrow(() -> new IllegalArgumentException("Parcours introuvable\u00a0: " + edited.id()));
        requireWritable(user, stored.worksiteId(), stored.participantId());
        Enrolment enrolment = new Enrolment(stored.id(), stored.participantId(), stored.worksiteId(),
                edited.programme(), edited.contractType(), edited.entryDate(), edited.contractEndDate(),
                edited.weeklyHours(), edited.derogationKind(), edited.derogationEndDate(),
                blankToNull(edited.extensionReason()), stored.exitDate(), stored.exitCategory(), stored.exitReason());
        Verdict verdict = checkEnrolment(enrolment);
        if (!verdict.saveAllowed()) {
            return Result.refused(verdict);
        }
        store.write(user.id(), tx -> {
            enrolments.save(tx, enrolment);
            return null;
        });
        return Result.saved(enrolment, verdict);
    }

    /** A new PHC step from {@code startDate}; the earlier steps stay as the history. */
    public Result<PhcStep> addStep(User user, String enrolmentId, int targetHours, LocalDate startDate) {
        Enrolment enrolment = enrolments.find(enrolmentId)
                .orElseThrow(() -> new IllegalArgumentException("Parcours introuvable\u00a0: " + enrolmentId));
        requireWritable(user, enrolment.worksiteId(), enrolment.participantId());
        PhcStep step = new PhcStep(store.newRowId(), enrolmentId, targetHours, startDate);
        Verdict verdict = enrolment.contractType() != ContractType.PHC
                ? Verdict.refused("Les paliers ne concernent que les contrats Premières Heures.")
                : PhcRules.checkStep(step);
        if (verdict.saveAllowed() && startDate.isBefore(enrolment.entryDate())) {
            verdict = Verdict.refused("Le palier ne peut pas commencer avant l’entrée dans le parcours.");
        }
        if (!verdict.saveAllowed()) {
            return Result.refused(verdict);
        }
        store.write(user.id(), tx -> {
            enrolments.saveStep(tx, step, enrolment.worksiteId());
            return null;
        });
        return Result.saved(step, verdict);
    }

    /**
     * Records an exit (date, category, reason of that category) and, for CVG, the follow-up contacts due at
     * 1, 3, 6 and 12 months, in one transaction.
     */
    public Result<ExitOutcome> exit(User user, String enrolmentId, LocalDate exitDate, ExitCategory category,
                                    ExitReason reason) {
        Enrolment stored = enrolments.find(enrolmentId)
                .orElseThrow(() -> new IllegalArgumentException("Parcours introuvable\u00a0: " + enrolmentId));
        requireWritable(user, stored.worksiteId(), stored.participantId());
        Enrolment exited = new Enrolment(stored.id(), stored.participantId(), stored.worksiteId(), stored.programme(),
                stored.contractType(), stored.entryDate(), stored.contractEndDate(), stored.weeklyHours(),
                stored.derogationKind(), stored.derogationEndDate(), stored.extensionReason(), exitDate, category,
                reason);
        Verdict verdict = ExitRules.checkExit(exited);
        if (verdict.saveAllowed() && exitDate.isAfter(LocalDate.now(clock))) {
            verdict = Verdict.refused("La date de sortie est dans le futur\u00a0: enregistrez la sortie le jour où "
                    + "elle a lieu.");
        }
        if (verdict.saveAllowed() && stored.exited()) {
            verdict = Verdict.refused("Ce parcours a déjà une sortie enregistrée le "
                    + stored.exitDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ".");
        }
        if (!verdict.saveAllowed()) {
            return Result.refused(verdict);
        }
        List<FollowUp> due = CvgRules.followUpsDue(exited).stream()
                .map(f -> new FollowUp(store.newRowId(), f.enrolmentId(), f.participantId(),
                        f.monthsAfterExit(), f.dueDate(), null, null))
                .toList();
        store.write(user.id(), tx -> {
            enrolments.save(tx, exited);
            due.forEach(f -> followUps.save(tx, f, exited.worksiteId()));
            return null;
        });
        return Result.saved(new ExitOutcome(exited, due), verdict);
    }

    /** An archived file is written by coordination only, as it is read ({@link ArchiveRule}). */
    private void requireWritable(User user, String worksiteId, String participantId) {
        requireAccess(user, worksiteId);
        new ArchiveRule(store).checkFile(user, participantId);
    }

    private void requireAccess(User user, String worksiteId) {
        if (!workstation.access().canEdit(user, worksiteId)) {
            throw new AccessDeniedException("Ce chantier n’est pas dans votre périmètre\u00a0: demandez à votre "
                    + "coordinateur·rice de vous y donner accès.");
        }
    }

    private static Participant trimmed(Participant p, String id) {
        return new Participant(id, p.worksiteId(), strip(p.firstName()), strip(p.lastName()), p.birthDate(),
                blankToNull(p.phone()), blankToNull(p.email()), blankToNull(p.address()),
                blankToNull(p.socialSecurityNumber()), blankToNull(p.referentName()));
    }

    private static Enrolment withIds(Enrolment e, String id, Participant p) {
        return new Enrolment(id, p.id(), p.worksiteId(), e.programme(), e.contractType(), e.entryDate(),
                e.contractEndDate(), e.weeklyHours(), e.derogationKind(), e.derogationEndDate(),
                blankToNull(e.extensionReason()), null, null, null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
