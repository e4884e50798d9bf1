package fr.convergence.terrain.core.week;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.account.Workstation;
import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursCell;
import fr.convergence.terrain.core.domain.HoursEntry;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.erasure.ArchiveRule;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.StoreTransaction;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.text.NameOrder;
import fr.convergence.terrain.core.verdict.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The week view's service: loads a worksite's week of hours, sets one typed cell (checked by
 * {@link WeekHoursCheck} and saved only when not refused, in one store transaction), and copies the previous
 * week's planned hours.
 */
public final class WeekService {

    private final TerrainStore store;
    private final Workstation workstation;
    private final ParticipantRepository participants;
    private final EnrolmentRepository enrolments;
    private final HoursRepository hours;
    private final ReferenceRepository reference;
    private final WeekHoursCheck check;
    private final PhcStepLadder ladder = PhcStepLadder.DEFAULT;

    public WeekService(Workstation workstation) {
        this.workstation = workstation;
        this.store = workstation.store();
        this.participants = new ParticipantRepository(store);
        this.enrolments = new EnrolmentRepository(store);
        this.hours = new HoursRepository(store);
        this.reference = new ReferenceRepository(store);
        this.check = new WeekHoursCheck(store.clock(), ladder);
    }

    /** What happened to one cell: the verdict, and the participant's week as stored afterwards. */
    public record CellResult(String participantId, LocalDate day, HoursKind kind, int previousMinutes,
                             int minutes, Verdict verdict, boolean saved, WeekGrid.Row row) {
    }

    /** What copying the previous week did: cells copied, cells left as they were, and refusals with their names. */
    public record CopyResult(int copied, int keptExisting, List<String> refusals) {
    }

    /** The week of the laptop's own worksite (see {@link Workstation#worksite()}). */
    public WeekGrid load(User user, IsoWeek week) {
        return load(user, homeWorksite(), week);
    }

    /** {@link #copyPreviousWeek(User, String, IsoWeek)} on the laptop's own worksite. */
    public CopyResult copyPreviousWeek(User user, IsoWeek week) {
        return copyPreviousWeek(user, homeWorksite(), week);
    }

    private String homeWorksite() {
        return workstation.worksite().orElseThrow(() -> new IllegalStateException(
                "Ce poste n'est pas encore installé : choisissez son chantier.")).id();
    }

    /** The participants enrolled at some point of {@code week} on the worksite, by last then first name. */
    public WeekGrid load(User user, String worksiteId, IsoWeek week) {
        requireAccess(user, worksiteId);
        Worksite worksite = reference.worksite(worksiteId).orElseThrow(
                () -> new IllegalArgumentException("Chantier inconnu : " + worksiteId));
        Map<String, List<Enrolment>> byParticipant = new HashMap<>();
        for (Enrolment enrolment : enrolments.ofWorksite(worksiteId)) {
            byParticipant.computeIfAbsent(enrolment.participantId(), k -> new ArrayList<>()).add(enrolment);
        }
        Map<String, List<PhcStep>> steps = enrolments.stepsOfWorksite(worksiteId);
        Map<String, List<HoursEntry>> entries = new HashMap<>();
        for (HoursEntry entry : hours.ofWorksite(worksiteId, week.monday(), week.sunday())) {
            entries.computeIfAbsent(entry.participantId(), k -> new ArrayList<>()).add(entry);
        }
        // A past week may show people whose file is archived since: coordination's only (ArchiveRule).
        Set<String> archived = new ArchiveRule(store).hiddenFrom(user, List.of(worksiteId));
        List<WeekGrid.Row> rows = new ArrayList<>();
        for (Participant participant : participants.ofWorksite(worksiteId)) {
            if (archived.contains(participant.id())) {
                continue;
            }
            Optional<Enrolment> enrolment = WeekHoursCheck.enrolmentOfWeek(
                    byParticipant.getOrDefault(participant.id(), List.of()), week);
            // The grid names people and carries their record: as the role may read it (the NIR masked for an ESP).
            enrolment.ifPresent(e -> rows.add(row(AccessPolicy.participantFor(user, participant), e, steps.getOrDefault(e.id(), List.of()), week,
                    entries.getOrDefault(participant.id(), List.of()))));
        }
        rows.sort(NameOrder.byPerson((WeekGrid.Row r) -> r.participant().lastName(), r -> r.participant().firstName()));
        return new WeekGrid(worksite, week, rows);
    }

    /**
     * Stores what was typed in a cell ({@link HoursCell#read}) unless its hours or the rules refuse it. The check
     * and the write happen in one store transaction, so the weekly limits see every cell committed before.
     */
    public CellResult setTyped(User user, String participantId, LocalDate day, HoursCell.Typed typed) {
        HoursKind kind = typed.kind();
        if (typed.hours().verdict().isRefused()) {
            CellContext context = context(user, participantId, day);
            int stored = context.row.minutes(day, kind);
            return new CellResult(participantId, day, kind, stored, stored, typed.hours().verdict(), false,
                    context.row);
        }
        return setMinutes(user, participantId, day, kind, typed.hours().minutes());
    }

    /** Stores a value in minutes (undo, copy) through the same checks as a typed value. */
    public CellResult setMinutes(User user, String participantId, LocalDate day, HoursKind kind, int minutes) {
        return store.write(user.id(), tx -> {
            CellContext context = context(user, participantId, day);
            return apply(tx, context, day, kind, minutes);
        });
    }

    /**
     * Copies the worked hours (chantier, entreprise, formation) of the previous week onto the same days of
     * {@code week}, for cells still empty; cells the rules refuse are skipped and named in the result.
     */
    public CopyResult copyPreviousWeek(User user, String worksiteId, IsoWeek week) {
        WeekGrid previous = load(user, worksiteId, week.previous());
        WeekGrid current = load(user, worksiteId, week);
        Map<String, WeekGrid.Row> currentRows = new HashMap<>();
        current.rows().forEach(r -> currentRows.put(r.participant().id(), r));
        return store.write(user.id(), tx -> {
            int copied = 0;
            int kept = 0;
            List<String> refusals = new ArrayList<>();
            for (WeekGrid.Row before : previous.rows()) {
                WeekGrid.Row row = currentRows.get(before.participant().id());
                if (row == null) {
                    continue;
                }
                List<PhcStep> steps = enrolments.steps(row.enrolment().id());
                for (HoursEntry entry : before.entries()) {
                    if (!entry.kind().worked()) {
                        continue;
                    }
                    LocalDate day = entry.day().plusWeeks(1);
                    if (row.minutes(day, entry.kind()) > 0) {
                        kept++;
                        continue;
                    }
                    CellContext context = new CellContext(row, steps);
                    CellResult result = apply(tx, context, day, entry.kind(), entry.minutes());
                    if (result.saved()) {
                        copied++;
                        row = result.row();
                    } else {
                        refusals.add(row.participant().fullName() + " : " + result.verdict().text());
                    }
                }
            }
            return new CopyResult(copied, kept, refusals);
        });
    }

    private CellResult apply(StoreTransaction tx, CellContext context, LocalDate day, HoursKind kind, int minutes) {
        WeekGrid.Row row = context.row;
        Enrolment enrolment = row.enrolment();
        int previous = row.minutes(day, kind);
        Verdict verdict = check.check(enrolment, context.steps, row.entries(),
                new HoursEntry(null, enrolment.participantId(), enrolment.worksiteId(), day, kind, minutes));
        if (!verdict.saveAllowed()) {
            return new CellResult(row.participant().id(), day, kind, previous, previous, verdict, false, row);
        }
        hours.set(tx, row.participant().id(), row.participant().worksiteId(), day, kind, minutes);
        List<HoursEntry> after = new ArrayList<>();
        for (HoursEntry entry : row.entries()) {
            if (!(entry.day().equals(day) && entry.kind() == kind)) {
                after.add(entry);
            }
        }
        if (minutes > 0) {
            after.add(new HoursEntry(HoursCell.id(row.participant().id(), day, kind),
                    row.participant().id(), row.participant().worksiteId(), day, kind, minutes));
        }
        WeekGrid.Row updated = new WeekGrid.Row(row.participant(), enrolment, row.targetHours(), after);
        return new CellResult(row.participant().id(), day, kind, previous, minutes, verdict, true, updated);
    }

    private record CellContext(WeekGrid.Row row, List<PhcStep> steps) {
    }

    /** The participant's enrolment and stored week for a cell of {@code day}, read in the write transaction. */
    private CellContext context(User user, String participantId, LocalDate day) {
        Participant participant = participants.find(participantId)
                .orElseThrow(() -> new IllegalArgumentException("Salarié·e introuvable : " + participantId));
        requireAccess(user, participant.worksiteId());
        IsoWeek week = IsoWeek.of(day);
        Enrolment enrolment = WeekHoursCheck.enrolmentForDay(enrolments.ofParticipant(participantId), day)
                .orElseThrow(() -> new IllegalStateException(participant.fullName() + " n'a aucun parcours : "
                        + "créez son parcours avant de saisir ses heures."));
        List<PhcStep> steps = enrolments.steps(enrolment.id());
        List<HoursEntry> entries = hours.ofParticipant(participantId, week.monday(), week.sunday());
        return new CellContext(row(participant, enrolment, steps, week, entries), steps);
    }

    private WeekGrid.Row row(Participant participant, Enrolment enrolment, List<PhcStep> steps, IsoWeek week,
                             List<HoursEntry> entries) {
        Integer target = enrolment.contractType() == ContractType.PHC
                ? Integer.valueOf(PhcRules.targetHours(steps, week, ladder))
                : enrolment.weeklyHours();
        return new WeekGrid.Row(participant, enrolment, target, entries);
    }

    private void requireAccess(User user, String worksiteId) {
        if (!workstation.access().canEdit(user, worksiteId)) {
            throw new AccessDeniedException("Ce chantier n'est pas dans votre périmètre : demandez à votre "
                    + "coordinateur·rice de vous y donner accès.");
        }
    }
}
