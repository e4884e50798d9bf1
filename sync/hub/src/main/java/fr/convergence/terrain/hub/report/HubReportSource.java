package fr.convergence.terrain.hub.report;

import java.time.LocalDate;

/** The hub's store as the reports read it (implemented by {@code store.JooqHubStore}, PostgreSQL or SQLite). */
public interface HubReportSource {

    /**
     * Everything the reports need, on one snapshot, with the hours of the whole months from {@code from} (a first
     * day) to {@code to} (a last day): the store keeps hours summed by month.
     */
    HubReportData reportData(LocalDate from, LocalDate to);

    /**
     * What the monthly statement of {@code worksiteId} needs, on one snapshot, with the hours of the days from {@code
     * from} to {@code to}: read for that worksite only, so that a page costs milliseconds, not the national read.
     */
    HubMonthlyData monthlyData(String worksiteId, LocalDate from, LocalDate to);

    /**
     * A number that changes whenever something the reports read changes (the hub's last sequence: every synced row
     * and worksite written gets a new one), so that what was read may be kept until then.
     */
    long dataVersion();
}
