package fr.convergence.terrain.core.rights;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.convergence.terrain.core.demo.DemoMarking;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.FollowUp;
import fr.convergence.terrain.core.domain.HoursEntry;
import fr.convergence.terrain.core.domain.Participant;
import fr.convergence.terrain.core.domain.ParticipantField;
import fr.convergence.terrain.core.domain.PhcStep;
import fr.convergence.terrain.core.domain.Referral;
import fr.convergence.terrain.core.domain.ReferralStatusChange;
import fr.convergence.terrain.core.domain.SupportNote;
import fr.convergence.terrain.core.domain.SupportNoteRevision;
import java.io.IOException;
import java.io.OutputStream;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable half of a right-of-access answer (RGPD article 20 asks for a "structured, commonly used"
 * format). Field names are English and stable (format version 1: fields are only ever added); dates are ISO-8601
 * ({@code 2026-03-18}, months {@code 2026-03}, instants in UTC); coded values are the application's codes (e.g.
 * {@code TRAVAIL_CHANTIER}), each listed in {@code docs/data-protection.md}; absent values are {@code null}.
 */
public final class PersonalDataJson {

    /** Raised when the fields change in a way a reader must know of. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private PersonalDataJson() {
    }

    public static void write(PersonalData data, OutputStream out) throws IOException {
        JSON.writeValue(out, tree(data));
    }

    static ObjectNode tree(PersonalData data) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "convergence-terrain/right-of-access");
        root.put("formatVersion", FORMAT_VERSION);
        root.put("demonstration", data.demo());
        if (data.demo()) {
            root.put("notice", DemoMarking.TEXT);
        }
        root.put("exportedOn", iso(data.exportedOn()));
        root.put("exportedBy", data.exportedBy());

        Participant p = data.file().participant();
        ObjectNode person = root.putObject("person");
        person.put("id", p.id());
        person.put("firstName", p.firstName());
        person.put("lastName", p.lastName());
        person.put("birthDate", iso(p.birthDate()));
        person.put("phone", p.phone());
        person.put("email", p.email());
        person.put("address", p.address());
        person.put("socialSecurityNumber", p.socialSecurityNumber());
        person.put("socialReferent", p.referentName());
        ObjectNode worksite = root.putObject("worksite");
        worksite.put("id", data.file().worksite().id());
        worksite.put("name", data.file().worksite().name());
        worksite.put("city", data.file().worksite().city());

        ArrayNode enrolments = root.putArray("enrolments");
        for (Enrolment e : data.file().enrolments()) {
            ObjectNode node = enrolments.addObject();
            node.put("id", e.id());
            node.put("programme", code(e.programme()));
            node.put("contractType", code(e.contractType()));
            node.put("entryDate", iso(e.entryDate()));
            node.put("contractEndDate", iso(e.contractEndDate()));
            node.put("weeklyHours", e.weeklyHours());
            node.put("derogation", code(e.derogationKind()));
            node.put("derogationEndDate", iso(e.derogationEndDate()));
            node.put("extensionReason", e.extensionReason());
            node.put("exitDate", iso(e.exitDate()));
            node.put("exitCategory", code(e.exitCategory()));
            node.put("exitReason", code(e.exitReason()));
            ArrayNode steps = node.putArray("phcSteps");
            for (PhcStep step : data.file().stepsByEnrolment().getOrDefault(e.id(), List.of())) {
                steps.addObject().put("targetHoursPerWeek", step.targetHours()).put("startDate", iso(step.startDate()));
            }
        }

        ObjectNode hours = root.putObject("hours");
        ArrayNode months = hours.putArray("byMonth");
        for (PersonalData.MonthHours month : data.months()) {
            ObjectNode node = months.addObject();
            node.put("month", month.month().toString());
            node.put("workedMinutes", month.workedMinutes());
            ObjectNode kinds = node.putObject("minutesByKind");
            month.minutesByKind().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(k -> kinds.put(k.getKey().name(), k.getValue()));
        }
        ArrayNode entries = hours.putArray("entries");
        for (HoursEntry entry : data.hours()) {
            entries.addObject().put("day", iso(entry.day())).put("kind", entry.kind().name())
                    .put("minutes", entry.minutes());
        }

        ArrayNode referrals = root.putArray("referrals");
        for (Referral r : data.file().referrals()) {
            ObjectNode node = referrals.addObject();
            node.put("id", r.id());
            node.put("partner", r.partnerDisplayName());
            node.put("partnerCode", code(r.partner()));
            node.put("purpose", r.purpose());
            node.put("status", code(r.status()));
            node.put("createdOn", iso(r.createdOn()));
            ObjectNode documents = node.putObject("documents");
            r.documents().forEach(documents::put);
            ObjectNode shared = node.putObject("sharedFields");
            r.sharedFields().forEach((field, value) -> shared.put(field.name(), value));
            ArrayNode history = node.putArray("statusHistory");
            for (ReferralStatusChange change : r.history()) {
                history.addObject().put("on", iso(change.changedOn())).put("from", code(change.from()))
                        .put("to", code(change.to())).put("comment", change.comment());
            }
        }
        ArrayNode sharedWith = root.putArray("sharedWith");
        for (PersonalData.SharedWith s : data.sharedWith()) {
            ObjectNode node = sharedWith.addObject();
            node.put("referralId", s.referralId());
            node.put("partner", s.partner());
            node.put("on", iso(s.on()));
            ArrayNode fields = node.putArray("fields");
            s.fields().stream().map(ParticipantField::name).forEach(fields::add);
        }

        ArrayNode followUps = root.putArray("followUps");
        for (FollowUp f : data.file().followUps()) {
            followUps.addObject().put("monthsAfterExit", f.monthsAfterExit()).put("dueDate", iso(f.dueDate()))
                    .put("doneDate", iso(f.doneDate())).put("outcome", f.outcome());
        }

        ArrayNode notes = root.putArray("supportNotes");
        for (SupportNote n : data.file().notes()) {
            ObjectNode node = notes.addObject();
            node.put("id", n.id());
            node.put("date", iso(n.date()));
            node.put("theme", code(n.theme()));
            node.put("visibility", code(n.visibility()));
            node.put("text", n.currentText());
            // Earlier versions are data held too: a rectified note keeps them (append-only, for sync).
            ArrayNode revisions = node.putArray("revisions");
            for (SupportNoteRevision revision : n.revisions()) {
                revisions.addObject().put("createdAt", revision.createdAt() == null ? null
                        : revision.createdAt().toString()).put("text", revision.text());
            }
        }
        return root;
    }

    private static String iso(TemporalAccessor date) {
        return date == null ? null : date.toString();
    }

    private static String code(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
