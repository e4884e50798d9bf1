package fr.convergence.terrain.core.demo;

/** The sizes of demo data: one worksite, one territory, or the whole country. */
public enum DemoSize {
    /** One worksite, about 40 participants over one year. */
    SITE(1, 40, 1),
    /** One territory of about 7 worksites, about 300 participants over two years. */
    TERRITORY(7, 300, 2),
    /** All 12 territories, about 8,000 participants over five years. */
    NATIONAL(0, 8_000, 5);

    private final int worksites;
    private final int participants;
    private final int years;

    DemoSize(int worksites, int participants, int years) {
        this.worksites = worksites;
        this.participants = participants;
        this.years = years;
    }

    /** Number of worksites, 0 meaning every worksite of every territory. */
    public int worksites() {
        return worksites;
    }

    public int participants() {
        return participants;
    }

    public int years() {
        return years;
    }
}
