package fr.convergence.terrain.core.rights;

import fr.convergence.terrain.core.account.AccessDeniedException;
import fr.convergence.terrain.core.account.AccessPolicy;
import fr.convergence.terrain.core.audit.AuditJournal;
import fr.convergence.terrain.core.demo.DemoMarking;
import fr.convergence.terrain.core.domain.AuditAction;
import fr.convergence.terrain.core.domain.HoursEntry;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatus;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import fr.convergence.terrain.core.domain.Role;
import fr.convergence.terrain.core.domain.User;
import fr.convergence.terrain.core.participant.ParticipantFile;
import fr.convergence.terrain.core.participant.ParticipantFileService;
import fr.convergence.terrain.core.security.PrivateFiles;
import fr.convergence.terrain.core.store.TerrainStore;
import fr.convergence.terrain.core.text.MessagePatterns;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers a person's right-of-access request: gathers what the laptop holds about them through
 * {@link ParticipantFileService} (so the worksite rule is the file's own), and writes it as JSON.
 *
 * <p>Only a CIP, a coordinator or an administrator may export: the export holds the whole file, notes reserved
 * to CIP and coordination included (they are data about the person, which the right of access covers), and
 * someone who may read those notes must check them for other people's data before handing the document over.
 * An educator is refused.
 */
public final class RightOfAccessService {

    private final TerrainStore store;
    private final ParticipantFileService files;
    private final Clock clock;
    private final AuditJournal journal;

    public RightOfAccessService(TerrainStore store, AccessPolicy access) {
        this(store, new ParticipantFileService(store, access));
    }

    public RightOfAccessService(TerrainStore store, ParticipantFileService files) {
        this.store = store;
        this.files = files;
        this.clock = store.clock();
        this.journal = new AuditJournal(store);
    }

    /** Whether {@code user}'s role may answer a right-of-access request (the worksite is checked on export). */
    public static boolean mayExport(User user) {
        return user != null && user.active()
                && (user.role() == Role.CIP || user.role() == Role.COORDINATOR || user.role() == Role.ADMIN);
    }

    /** What the laptop holds about {@code participantId}; refused to educators and outside the user's worksites. */
    public PersonalData export(User user, String participantId) {
        if (!mayExport(user)) {
            throw new AccessDeniedException("L’export des données d’une personne (droit d’accès) est réservé à la CIP, "
                    + "à la coordination et à l’administration\u00a0: demandez-le à la CIP du chantier.");
        }
        ParticipantFile file = files.load(user, participantId);
        List<HoursEntry> hours = files.allHours(user, participantId);
        // Gathered only to leave the laptop (PDF and JSON): recorded as an export, with how many notes it carries.
        journal.record(user, AuditAction.EXPORT, file.participant().worksiteId(), participantId,
                MessagePatterns.french("droit d’accès (PDF et JSON), {0, plural, one {# note} other {# notes}}",
                        file.notes().size()));
        return new PersonalData(file, hours, months(hours), sharedWith(file.referrals()), user.displayName(),
                LocalDate.now(clock), DemoMarking.isDemo(store));
    }

    /** Writes {@code data} as JSON (see {@link PersonalDataJson} for the fields). */
    public void writeJson(PersonalData data, OutputStream out) throws IOException {
        PersonalDataJson.write(data, out);
    }

    /** The two files of an answer, as written. */
    public record ExportFiles(Path pdf, Path json) {
    }

    /**
     * Writes the PDF made from {@code data} and its JSON into {@code folder} (created if missing), named after the
     * person and the day: {@code donnees-awa-traore-2026-03-18.pdf} and {@code .json}. Each file is written whole
     * before it replaces an older one, readable by its owner only where the file system allows it: these files
     * hold the whole file of a person and may be left on a shared laptop.
     */
    public ExportFiles writeFiles(PersonalData data, byte[] pdf, Path folder) throws IOException {
        Files.createDirectories(folder);
        Participant p = data.file().participant();
        String base = "donnees-" + slug(p.firstName() + " " + p.lastName()) + "-" + data.exportedOn();
        Path pdfFile = folder.resolve(base + ".pdf");
        Path jsonFile = folder.resolve(base + ".json");
        PrivateFiles.write(pdfFile, pdf);
        PrivateFiles.write(jsonFile, out -> PersonalDataJson.write(data, out));
        return new ExportFiles(pdfFile, jsonFile);
    }

    /** "Zoé N'Diaye-Lefèvre" → "zoe-ndiaye-lefevre": a file name any system and any e-mail accept. */
    static String slug(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("['’]", "").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return plain.isEmpty() ? "personne" : plain;
    }

    static List<PersonalData.MonthHours> months(List<HoursEntry> hours) {
        Map<YearMonth, Map<HoursKind, Integer>> byMonth = new TreeMap<>();
        for (HoursEntry entry : hours) {
            byMonth.computeIfAbsent(YearMonth.from(entry.day()), m -> new EnumMap<>(HoursKind.class))
                    .merge(entry.kind(), entry.minutes(), Integer::sum);
        }
        List<PersonalData.MonthHours> months = new ArrayList<>();
        byMonth.forEach((month, kinds) -> months.add(new PersonalData.MonthHours(month, Map.copyOf(kinds),
                kinds.entrySet().stream().filter(e -> e.getKey().worked()).mapToInt(Map.Entry::getValue).sum())));
        return months;
    }

    /** Referrals that actually sent fields: a draft never sent shared nothing yet, so it is not listed. */
    static List<PersonalData.SharedWith> sharedWith(List<Referral> referrals) {
        List<PersonalData.SharedWith> shared = new ArrayList<>();
        for (Referral referral : referrals) {
            if (referral.sharedFields().isEmpty()) {
                continue;
            }
            LocalDate sent = referral.history().stream().filter(c -> c.to() != ReferralStatus.BROUILLON)
                    .map(ReferralStatusChange::changedOn).findFirst()
                    .orElse(referral.status() == ReferralStatus.BROUILLON ? null : referral.createdOn());
            if (sent == null) {
                continue;
            }
            shared.add(new PersonalData.SharedWith(referral.id(), referral.partnerDisplayName(), sent,
                    List.copyOf(referral.sharedFields().keySet())));
        }
        return shared;
    }
}
