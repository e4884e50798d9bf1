package fr.convergence.terrain.core.rules;

import fr.convergence.terrain.core.domain.ContractType;
import fr.convergence.terrain.core.domain.DerogationKind;
import fr.convergence.terrain.core.domain.Enrolment;
import fr.convergence.terrain.core.domain.ExitCategory;
import fr.convergence.terrain.core.domain.ExitReason;
import fr.convergence.terrain.core.domain.HoursEntry;
import fr.convergence.terrain.core.domain.HoursKind;
import fr.convergence.terrain.core.domain.Programme;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** Test data: enrolments built field by field, hours entries and fixed clocks. */
final class Fixtures {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String PARTICIPANT = "p-1";
    static final String WORKSITE = "ws-lyon-1";

    private Fixtures() {
    }

    static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    /** A clock fixed at noon, Paris time, on {@code day}. */
    static Clock clockOn(LocalDate day) {
        return Clock.fixed(day.atTime(LocalTime.NOON).atZone(PARIS).toInstant(), PARIS);
    }

    static HoursEntry hours(LocalDate day, HoursKind kind, int minutes) {
        return new HoursEntry("h-" + day + "-" + kind, PARTICIPANT, WORKSITE, day, kind, minutes);
    }

    static EnrolmentBuilder phc(LocalDate entry) {
        return new EnrolmentBuilder().programme(Programme.PHC).contractType(ContractType.PHC).entryDate(entry);
    }

    static EnrolmentBuilder cddi(LocalDate entry, int weeklyHours) {
        return new EnrolmentBuilder().programme(Programme.CVG).contractType(ContractType.CDDI).entryDate(entry)
                .contractEndDate(entry.plusMonths(12).minusDays(1)).weeklyHours(weeklyHours);
    }

    /** Fluent builder for the 14-field {@link Enrolment} record. */
    static final class EnrolmentBuilder {
        private Programme programme;
        private ContractType contractType;
        private LocalDate entryDate;
        private LocalDate contractEndDate;
        private Integer weeklyHours;
        private DerogationKind derogationKind;
        private LocalDate derogationEndDate;
        private String extensionReason;
        private LocalDate exitDate;
        private ExitCategory exitCategory;
        private ExitReason exitReason;

        EnrolmentBuilder programme(Programme value) {
            programme = value;
            return this;
        }

        EnrolmentBuilder contractType(ContractType value) {
            contractType = value;
            return this;
        }

        EnrolmentBuilder entryDate(LocalDate value) {
            entryDate = value;
            return this;
        }

        EnrolmentBuilder contractEndDate(LocalDate value) {
            contractEndDate = value;
            return this;
        }

        EnrolmentBuilder weeklyHours(Integer value) {
            weeklyHours = value;
            return this;
        }

        EnrolmentBuilder derogation(DerogationKind kind, LocalDate endDate) {
            derogationKind = kind;
            derogationEndDate = endDate;
            return this;
        }

        EnrolmentBuilder extensionReason(String value) {
            extensionReason = value;
            return this;
        }

        EnrolmentBuilder exit(LocalDate date, ExitCategory category, ExitReason reason) {
            exitDate = date;
            exitCategory = category;
            exitReason = reason;
            return this;
        }

        Enrolment build() {
            return new Enrolment("e-1", PARTICIPANT, WORKSITE, programme, contractType, entryDate, contractEndDate,
                    weeklyHours, derogationKind, derogationEndDate, extensionReason, exitDate, exitCategory,
                    exitReason);
        }
    }
}
