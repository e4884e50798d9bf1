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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The week view's service: loads a worksite's week of hours, sets one typed cell (checked by
 * {@link WeekHoursCheck} and saved only when not refused, in one store transaction), says what copying the previous
 * week would do and does it, and undoes a group of changes (one edit, or a whole copy) in one transaction.
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

    /** One cell changed, with its minutes before and after: what an undo puts back. */
    public record CellChange(String participantId, LocalDate day, HoursKind kind, int before, int after) {
    }

    /**
     * What copying the previous week would do, asked before doing it: day cells of this week still empty that
     * last week's worked hours would fill ({@code toFill}, for {@code people}), and those that already hold hours
     * ({@code alreadyFilled}), left as they are unless the user asks to replace them.
     */
    public record CopyPlan(List<DayCopy> toFill, List<DayCopy> alreadyFilled) {

        /** The people whose empty cells would be filled, by name, each once. */
        public List<String> people() {
            return toFill.stream().map(DayCopy::name).distinct().toList();
        }
    }

    /** A day cell of this week and the worked hours of the same day last week. */
    public record DayCopy(String participantId, String name, LocalDate day, List<HoursEntry> lastWeek) {
    }

    /**
     * What copying the previous week did: day cells written, day cells left as they were, refusals with their
     * names, and every cell changed (one undo puts them all back).
     */
    public record CopyResult(int copied, int keptExisting, List<String> refusals, List<CellChange> changes) {
    }

    /** The week of the laptop's own worksite (see {@link Workstation#worksite()}). */
    public WeekGrid load(User user, IsoWeek week) {
        return load(user, homeWorksite(), week);
    }

    /** {@link #copyPlan(User, String, IsoWeek)} on the laptop's own worksite. */
    public CopyPlan copyPlan(User user, IsoWeek week) {
        return copyPlan(user, homeWorksite(), week);
    }

    /** {@link #copyPreviousWeek(User, String, IsoWeek, boolean)} on the laptop's own worksite. */
    public CopyResult copyPreviousWeek(User user, IsoWeek week, boolean replaceFilled) {
        return copyPreviousWeek(user, homeWorksite(), week, replaceFilled);
    }

    private String homeWorksite() {
        return workstation.worksite().orElseThrow(() -> new IllegalStateException(
                "Ce poste n’est pas encore installé\u00a0: choisissez son chantier.")).id();
    }

    /** The participants enrolled at some point of {@code week} on the worksite, by last then first name. */
    public WeekGrid load(User user, String worksiteId, IsoWeek week) {
        requireAccess(user, worksiteId);
        Worksite worksite = reference.worksite(worksiteId).orElseThrow(
                () -> new IllegalArgumentException("Chantier inconnu\u00a0: " + worksiteId));
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
            return apply(tx, context, day, kind, minutes, false);
        });
    }

    /**
     * Puts back the cells of {@code changes} as they were before, last change first, in one store transaction: the
     * undo of one edit or of a whole copied week. Each cell goes through the same checks; an unsent change folds
     * into the one it undoes ({@link HoursRepository#restore}), so an undo adds nothing to synchronise.
     */
    public List<CellResult> undo(User user, List<CellChange> changes) {
        return store.write(user.id(), tx -> {
            Map<String, CellContext> contexts = new HashMap<>();
            List<CellResult> results = new ArrayList<>();
            for (int i = changes.size() - 1; i >= 0; i--) {
                CellChange change = changes.get(i);
                String key = change.participantId() + "/" + IsoWeek.of(change.day());
                CellContext context = contexts.get(key);
                if (context == null) {
                    context = context(user, change.participantId(), change.day());
                }
                CellResult result = apply(tx, context, change.day(), change.kind(), change.before(), true);
                contexts.put(key, new CellContext(result.row(), context.steps));
                results.add(result);
            }
            return results;
        });
    }

    /**
     * The day cells that copying the previous week would fill or find already filled: a day of last week with
     * worked hours (chantier, entreprise, formation; absences are not copied) gives one cell of this week. A cell
     * holding anything, an absence included, counts as filled: the copy never adds hours next to it unasked.
     */
    public CopyPlan copyPlan(User user, String worksiteId, IsoWeek week) {
        WeekGrid previous = load(user, worksiteId, week.previous());
        Map<String, WeekGrid.Row> currentRows = new HashMap<>();
        load(user, worksiteId, week).rows().forEach(r -> currentRows.put(r.participant().id(), r));
        List<DayCopy> toFill = new ArrayList<>();
        List<DayCopy> filled = new ArrayList<>();
        for (WeekGrid.Row before : previous.rows()) {
            WeekGrid.Row row = currentRows.get(before.participant().id());
            if (row == null) {
                continue;
            }
            for (LocalDate lastWeekDay : week.previous().days()) {
                List<HoursEntry> worked = before.on(lastWeekDay).stream().filter(e -> e.kind().worked()).toList();
                if (worked.isEmpty()) {
                    continue;
                }
                LocalDate day = lastWeekDay.plusWeeks(1);
                DayCopy copy = new DayCopy(row.participant().id(), row.participant().lastName() + " "
                        + row.participant().firstName(), day, worked);
                (row.on(day).isEmpty() ? toFill : filled).add(copy);
            }
        }
        return new CopyPlan(toFill, filled);
    }

    /**
     * Copies the worked hours of the previous week onto the same days of {@code week}: into the day cells still
     * empty, and, when {@code replaceFilled}, over the filled ones too (the day then holds last week's worked hours
     * and nothing else: its other hours and absences are removed). Cells the rules refuse are skipped and named.
     */
    public CopyResult copyPreviousWeek(User user, String worksiteId, IsoWeek week, boolean replaceFilled) {
        CopyPlan plan = copyPlan(user, worksiteId, week);
        Map<String, WeekGrid.Row> currentRows = new HashMap<>();
        load(user, worksiteId, week).rows().forEach(r -> currentRows.put(r.participant().id(), r));
        List<DayCopy> days = new ArrayList<>(plan.toFill());
        if (replaceFilled) {
            days.addAll(plan.alreadyFilled());
        }
        return store.write(user.id(), tx -> {
            int copied = 0;
            List<String> refusals = new ArrayList<>();
            List<CellChange> changes = new ArrayList<>();
            Map<String, List<PhcStep>> steps = new HashMap<>();
            for (DayCopy copy : days) {
                WeekGrid.Row row = currentRows.get(copy.participantId());
                List<PhcStep> rowSteps = steps.computeIfAbsent(row.enrolment().id(), enrolments::steps);
                Set<HoursKind> copiedKinds = new HashSet<>();
                copy.lastWeek().forEach(e -> copiedKinds.add(e.kind()));
                List<HoursEntry> writes = new ArrayList<>();
                // What the day holds besides last week's kinds goes first, so that the day's limits see it gone.
                for (HoursEntry present : row.on(copy.day())) {
                    if (!copiedKinds.contains(present.kind())) {
                        writes.add(new HoursEntry(null, present.participantId(), present.worksiteId(), copy.day(),
                                present.kind(), 0));
                    }
                }
                copy.lastWeek().forEach(e -> writes.add(new HoursEntry(null, e.participantId(), e.worksiteId(),
                        copy.day(), e.kind(), e.minutes())));
                boolean refused = false;
                for (HoursEntry write : writes) {
                    CellResult result = apply(tx, new CellContext(row, rowSteps), copy.day(), write.kind(),
                            write.minutes(), false);
                    if (result.saved()) {
                        row = result.row();
                        if (result.previousMinutes() != result.minutes()) {
                            changes.add(new CellChange(copy.participantId(), copy.day(), write.kind(),
                                    result.previousMinutes(), result.minutes()));
                        }
                    } else {
                        refused = true;
                        refusals.add(row.participant().fullName() + "\u00a0: " + result.verdict().text());
                    }
                }
                currentRows.put(copy.participantId(), row);
                copied += refused ? 0 : 1;
            }
            return new CopyResult(copied, replaceFilled ? 0 : plan.alreadyFilled().size(), refusals, changes);
        });
    }

    /** Checks and writes one cell; {@code restoring}: an undo, folded into the cell's unsent changes. */
    private CellResult apply(StoreTransaction tx, CellContext context, LocalDate day, HoursKind kind, int minutes,
                             boolean restoring) {
        WeekGrid.Row row = context.row;
        Enrolment enrolment = row.enrolment();
        int previous = row.minutes(day, kind);
        Verdict verdict = check.check(enrolment, context.steps, row.entries(),
                new HoursEntry(null, enrolment.participantId(), enrolment.worksiteId(), day, kind, minutes));
        if (!verdict.saveAllowed()) {
            return new CellResult(row.participant().id(), day, kind, previous, previous, verdict, false, row);
        }
        if (restoring) {
            hours.restore(tx, row.participant().id(), row.participant().worksiteId(), day, kind, minutes);
        } else {
            hours.set(tx, row.participant().id(), row.participant().worksiteId(), day, kind, minutes);
        }
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
                .orElseThrow(() -> new IllegalArgumentException("Salarié·e introuvable\u00a0: " + participantId));
        requireAccess(user, participant.worksiteId());
        new ArchiveRule(store).checkFile(user, participantId);
        IsoWeek week = IsoWeek.of(day);
        Enrolment enrolment = WeekHoursCheck.enrolmentForDay(enrolments.ofParticipant(participantId), day)
                .orElseThrow(() -> new IllegalStateException(participant.fullName() + " n’a aucun parcours\u00a0: "
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
            throw new AccessDeniedException("Ce chantier n’est pas dans votre périmètre\u00a0: demandez à votre "
                    + "coordinateur·rice de vous y donner accès.");
        }
    }
}
