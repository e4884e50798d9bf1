package fr.convergence.terrain.app.common;

/** CSS class names used from Java, defined in {@code terrain.css}. */
public final class Styles {

    public static final String STYLESHEET = "/fr/convergence/terrain/app/terrain.css";
    public static final String PAGE = "page";
    public static final String PAGE_TITLE = "page-title";
    public static final String SECTION_TITLE = "section-title";
    public static final String HINT = "hint";
    public static final String ERROR = "error-text";
    public static final String WARNING = "warning-text";
    public static final String SUCCESS = "success-text";
    public static final String ACCENT = "accent";
    public static final String DEMO_BANNER = "demo-banner";
    public static final String NAV = "nav";
    public static final String NAV_BUTTON = "nav-button";
    public static final String STATUS_BAR = "status-bar";
    public static final String HEADER = "header";
    public static final String CARD = "card";
    public static final String CELL_REFUSED = "cell-refused";
    public static final String CELL_WARNING = "cell-warning";
    public static final String CELL_PENDING = "cell-pending";
    public static final String CELL_OUTSIDE = "cell-outside";
    public static final String CELL_ABSENCE = "cell-absence";
    public static final String CELL_OTHER_KIND = "cell-other-kind";
    public static final String TOTAL_OVER = "total-over";

    private Styles() {
    }
}
