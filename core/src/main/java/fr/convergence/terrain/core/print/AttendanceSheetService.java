package fr.convergence.terrain.core.print;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.erasure.ArchiveRule;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursEntry;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.week.IsoWeek;
import fr.convergence.terrain.core.week.PhcRules;
import fr.convergence.terrain.core.week.PhcStepLadder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Assembles the weekly attendance sheet of a worksite: who is enrolled that week, and what is planned. */
public final class AttendanceSheetService {

    private final ParticipantRepository participants;
    private final EnrolmentRepository enrolments;
    private final HoursRepository hours;
    private final ReferenceRepository reference;
    private final AccessPolicy access;
    private final ArchiveRule archives;

    public AttendanceSheetService(TerrainStore store, AccessPolicy access) {
        this.participants = new ParticipantRepository(store);
        this.enrolments = new EnrolmentRepository(store);
        this.hours = new HoursRepository(store);
        this.reference = new ReferenceRepository(store);
        this.access = access;
        this.archives = new ArchiveRule(store);
    }

    /** The sheet of {@code worksiteId} for {@code week}, participants by last name; refused outside the user's worksites. */
    public AttendanceSheet load(User user, String worksiteId, IsoWeek week) {
        Worksite worksite = reference.worksite(worksiteId)
                .orElseThrow(() -> new IllegalArgumentException("Chantier introuvable\u00a0: " + worksiteId));
        if (!access.canSee(user, worksiteId)) {
            throw new AccessDeniedException("Ce chantier n’est pas dans votre périmètre.");
        }
        Map<String, List<Enrolment>> byParticipant = enrolments.ofWorksite(worksiteId).stream()
                .filter(e -> overlaps(e, week))
                .collect(Collectors.groupingBy(Enrolment::participantId));
        Map<String, List<PhcStep>> steps = enrolments.stepsOfWorksite(worksiteId);
        Map<String, Map<LocalDate, Integer>> planned = new HashMap<>();
        for (HoursEntry entry : hours.ofWorksite(worksiteId, week.monday(), week.sunday())) {
            if (entry.kind().worked()) {
                planned.computeIfAbsent(entry.participantId(), k -> new TreeMap<>())
                        .merge(entry.day(), entry.minutes(), Integer::sum);
            }
        }
        // A past week's sheet may name people archived since: coordination's only.
        Set<String> archived = archives.hiddenFrom(user, List.of(worksiteId));
        List<AttendanceSheet.Row> rows = new ArrayList<>();
        for (Participant participant : participants.ofWorksite(worksiteId)) {
            List<Enrolment> active = byParticipant.get(participant.id());
            if (active == null || archived.contains(participant.id())) {
                continue;
            }
            // The latest enrolment of the week wins: a PHC participant moving to a CDDI mid-week signs as CDDI.
            Enrolment enrolment = active.get(active.size() - 1);
            Integer target = enrolment.programme() == Programme.PHC
                    ? Integer.valueOf(PhcRules.targetHours(steps.getOrDefault(enrolment.id(), List.of()), week,
                            PhcStepLadder.DEFAULT))
                    : enrolment.weeklyHours();
            rows.add(new AttendanceSheet.Row(participant.id(), participant.fullName(), enrolment.programme(),
                    enrolment.contractType(), target, Map.copyOf(planned.getOrDefault(participant.id(), Map.of()))));
        }
        return new AttendanceSheet(worksite, week, List.copyOf(rows));
    }

    private static boolean overlaps(Enrolment enrolment, IsoWeek week) {
        return !enrolment.entryDate().isAfter(week.sunday())
                && (enrolment.exitDate() == null || !enrolment.exitDate().isBefore(week.monday()));
    }
}
