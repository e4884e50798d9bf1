package fr.convergence.terrain.hub.report;

import java.time.LocalDate;

/** The hub's store as the reports read it (implemented by {@code store.JooqHubStore}, PostgreSQL or SQLite). */
public interface HubReportSource {

    /** Everything the reports need, on one snapshot, with the hours of the days from {@code from} to {@code to}. */
    HubReportData reportData(LocalDate from, LocalDate to);
}
