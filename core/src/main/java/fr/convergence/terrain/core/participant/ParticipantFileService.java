package fr.convergence.terrain.core.participant;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.audit.AuditJournal;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.HoursEntry;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Programme;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.domain.Worksite;
import fr.convergence.terrain.core.erasure.ArchiveRule;
import fr.convergence.terrain.core.store.EnrolmentRepository;
import fr.convergence.terrain.core.store.FollowUpRepository;
import fr.convergence.terrain.core.store.HoursRepository;
import fr.convergence.terrain.core.store.NoteRepository;
import fr.convergence.terrain.core.store.ParticipantRepository;
import fr.convergence.terrain.core.store.ReferenceRepository;
import fr.convergence.terrain.core.store.ReferralRepository;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.week.IsoWeek;
import fr.convergence.terrain.core.week.PhcRules;
import fr.convergence.terrain.core.week.PhcStepLadder;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;

/** Reads a participant's whole file, for the participant screen and the follow-up sheet. */
public final class ParticipantFileService {

    private final ParticipantRepository participants;
    private final EnrolmentRepository enrolments;
    private final HoursRepository hours;
    private final ReferralRepository referrals;
    private final FollowUpRepository followUps;
    private final NoteRepository notes;
    private final ReferenceRepository reference;
    private final AccessPolicy access;
    private final Clock clock;
    private final AuditJournal journal;
    private final ArchiveRule archives;

    public ParticipantFileService(TerrainStore store, AccessPolicy access) {
        this.participants = new ParticipantRepository(store);
        this.enrolments = new EnrolmentRepository(store);
        this.hours = new HoursRepository(store);
        this.referrals = new ReferralRepository(store);
        this.followUps = new FollowUpRepository(store);
        this.notes = new NoteRepository(store);
        this.reference = new ReferenceRepository(store);
        this.access = access;
        this.clock = store.clock();
        this.journal = new AuditJournal(store);
        this.archives = new ArchiveRule(store);
    }

    /**
     * The file of {@code participantId} as {@code user} may see it; refused outside the user's worksites, and to an
     * ESP or a CIP once the file is archived ({@link ArchiveRule}).
     */
    public ParticipantFile load(User user, String participantId) {
        Participant participant = visible(user, participantId);
        Worksite worksite = reference.worksite(participant.worksiteId()).orElseThrow();
        journal.fileOpened(user, participant);
        List<Enrolment> enrolmentList = enrolments.ofParticipant(participantId);
        Map<String, List<PhcStep>> steps = new LinkedHashMap<>();
        for (Enrolment enrolment : enrolmentList) {
            if (enrolment.programme() == Programme.PHC) {
                steps.put(enrolment.id(), enrolments.steps(enrolment.id()));
            }
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate from = enrolmentList.isEmpty() ? today : enrolmentList.get(0).entryDate();
        List<HoursEntry> entries = hours.ofParticipant(participantId, from, today.plusWeeks(1));
        return new ParticipantFile(AccessPolicy.participantFor(user, participant), worksite, enrolmentList, steps,
                weekPoints(enrolmentList, steps, entries, today), lastTwelveMonths(entries, today),
                referrals.ofParticipant(participantId).stream().map(r -> AccessPolicy.referralFor(user, r)).toList(),
                followUps.ofParticipant(participantId),
                notes.ofParticipant(participantId).stream()
                        .filter(n -> AccessPolicy.canReadNote(user, n.visibility())).toList());
    }

    /**
     * Every hours cell ever recorded for {@code participantId}, oldest first, under the same access rule as
     * {@link #load} (the file itself only reads from the first entry on, for the screen).
     */
    public List<HoursEntry> allHours(User user, String participantId) {
        visible(user, participantId);
        return hours.ofParticipant(participantId, LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31));
    }

    private Participant visible(User user, String participantId) {
        Participant participant = participants.find(participantId)
                .orElseThrow(() -> new IllegalArgumentException("Salarié·e introuvable\u00a0: " + participantId));
        if (!access.canSee(user, participant.worksiteId())) {
            throw new AccessDeniedException("Ce ou cette salarié·e n’est pas sur un chantier de votre périmètre.");
        }
        archives.checkFile(user, participantId);
        return participant;
    }

    private static List<ParticipantFile.WeekPoint> weekPoints(List<Enrolment> enrolmentList,
                                                              Map<String, List<PhcStep>> steps,
                                                              List<HoursEntry> entries, LocalDate today) {
        if (enrolmentList.isEmpty()) {
            return List.of();
        }
        Map<IsoWeek, Integer> worked = new TreeMap<>(java.util.Comparator.comparing(IsoWeek::monday));
        for (HoursEntry entry : entries) {
            if (entry.kind().worked()) {
                worked.merge(IsoWeek.of(entry.day()), entry.minutes(), Integer::sum);
            }
        }
        List<ParticipantFile.WeekPoint> points = new ArrayList<>();
        IsoWeek last = IsoWeek.of(today);
        for (IsoWeek week = IsoWeek.of(enrolmentList.get(0).entryDate()); !week.isAfter(last); week = week.next()) {
            Integer target = null;
            for (Enrolment enrolment : enrolmentList) {
                if (enrolment.programme() == Programme.PHC && enrolment.activeOn(week.monday())) {
                    target = PhcRules.targetHours(steps.getOrDefault(enrolment.id(), List.of()), week,
                            PhcStepLadder.DEFAULT);
                }
            }
            points.add(new ParticipantFile.WeekPoint(week, worked.getOrDefault(week, 0), target));
        }
        return points;
    }

    private static Map<YearMonth, Integer> lastTwelveMonths(List<HoursEntry> entries, LocalDate today) {
        Map<YearMonth, Integer> months = new LinkedHashMap<>();
        YearMonth current = YearMonth.from(today);
        for (int i = 11; i >= 0; i--) {
            months.put(current.minusMonths(i), 0);
        }
        for (HoursEntry entry : entries) {
            YearMonth month = YearMonth.from(entry.day());
            if (entry.kind().worked() && months.containsKey(month)) {
                months.merge(month, entry.minutes(), Integer::sum);
            }
        }
        return months;
    }
}
