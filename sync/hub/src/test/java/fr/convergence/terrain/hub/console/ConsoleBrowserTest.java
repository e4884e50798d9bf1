package fr.convergence.terrain.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import fr.convergence.terrain.core.security.PasswordHasher;
import fr.convergence.terrain.hub.Hub;
import fr.convergence.terrain.hub.HubConfig;
import fr.convergence.terrain.hub.report.YearlyDataSet;
import fr.convergence.terrain.hub.store.JooqHubStore;
import fr.convergence.terrain.sync.protocol.ClientReport;
import fr.convergence.terrain.sync.protocol.Operation;
import fr.convergence.terrain.sync.protocol.SyncCodec;
import fr.convergence.terrain.sync.protocol.SyncRequest;
import fr.convergence.terrain.sync.protocol.WorksiteInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, installed by
 * {@code .ci/run}): sign-in with and without the second factor, a coordinator refused another territory, a laptop
 * enrolled then revoked from the browser and refused at its next sync. Without Chromium the test is skipped on a
 * developer machine and fails when {@code CI=true}.
 */
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static WebDriver browser;
    /** Where the browser saves what it downloads (the CSV exports). */
    static Path downloads;

    @TempDir
    Path dir;

    MutableClock clock;
    JooqHubStore store;
    String nationalSecret;
    Hub hub;

    @BeforeAll
    static void startBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "Chromium or chromedriver missing (" + CHROMIUM + ", " + CHROMEDRIVER + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(missing + " with CI=true: .ci/run installs chromium and chromium-driver");
            }
            Assumptions.abort(missing + ": browser tests skipped on this machine");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        try {
            downloads = Files.createTempDirectory("console-downloads");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        // The smallest screen the national team uses; root in a container needs --no-sandbox.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,768", "--lang=fr-FR");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() throws java.io.IOException {
        if (browser != null) {
            browser.quit();
        }
        if (downloads != null) {
            try (var files = Files.list(downloads)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(downloads);
        }
    }

    @BeforeEach
    void startHub() {
        clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
        store = JooqHubStore.sqlite(dir.resolve("hub.db"));
        store.write(tx -> {
            tx.putWorksite(new WorksiteInfo(ConsoleWebTest.LILLE_WORKSITE, "ABEJ Solidarité", "Lille",
                    "Hauts-de-France", "lille", true, true));
            tx.putWorksite(new WorksiteInfo(ConsoleWebTest.LYON_WORKSITE, "Armée du Salut Lyon", "Lyon",
                    "Auvergne-Rhône-Alpes", "lyon", true, true));
            return null;
        });
        ConsoleAccounts accounts = new ConsoleAccounts(store, clock, new PasswordHasher(1000));
        nationalSecret = accounts.add("nadia", "Nadia National", ConsoleAccount.Role.NATIONAL, null,
                ConsoleWebTest.NATIONAL_PASSWORD.toCharArray(), false).totpSecret();
        accounts.add("colette", "Colette Coordination", ConsoleAccount.Role.COORDINATOR, "lille",
                ConsoleWebTest.COORDINATOR_PASSWORD.toCharArray(), false);
        hub = Hub.create(HubConfig.defaults(0).withHost("127.0.0.1"), store, clock);
    }

    @AfterEach
    void stopHub() {
        if (browser != null) {
            browser.manage().deleteAllCookies();
        }
        if (hub != null) {
            hub.close();
        }
        if (store != null) {
            store.close();
        }
    }

    /**
     * Saves the window as {@code hub-<name>.png} into the directory named by the {@code terrain.hub.screenshots}
     * property (set by sync/hub/src/test/screenshots/take-hub-screenshots.sh for docs/screenshots); nothing otherwise.
     */
    void screenshot(String name) throws java.io.IOException {
        String directory = System.getProperty("terrain.hub.screenshots");
        if (directory != null && !directory.isBlank()) {
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(Path.of(directory));
            Files.write(Path.of(directory, "hub-" + name + ".png"), png);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + hub.port() + path;
    }

    /** Types the login and password in their labelled fields and sends the form with the Enter key. */
    void typePassword(String login, String password) {
        browser.get(url("/console"));
        assertThat(browser.getCurrentUrl()).endsWith("/console/connexion");
        browser.findElement(By.cssSelector("label[for=login]"));
        browser.findElement(By.id("login")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
    }

    /**
     * Waits for the page whose heading is {@code expected} (a form sent with Enter or a click loads the next page
     * asynchronously): polls the heading's text, read by one script call so that no element of the page being left
     * is held (the driver's errors while a page is replaced are retried); fails after 15 s with the heading seen.
     */
    void awaitHeading(String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
                .withMessage(() -> "heading " + expected + " expected on " + browser.getCurrentUrl())
                .until(d -> expected.equals(((JavascriptExecutor) d).executeScript(
                        "var h = document.querySelector('h1'); return h === null ? null : h.textContent;")));
    }

    @Test
    void aNationalAccountSignsInWithItsSecondFactor() throws Exception {
        browser.get(url("/console/connexion"));
        screenshot("connexion");
        typePassword("nadia", ConsoleWebTest.NATIONAL_PASSWORD);
        awaitHeading("Second facteur");
        screenshot("second-facteur");
        browser.findElement(By.id("code")).sendKeys(Totp.codeAt(nationalSecret, clock.millis()), Keys.ENTER);
        awaitHeading("Bonjour Nadia National");
        screenshot("accueil");
        browser.findElement(By.linkText("Postes")).click();
        awaitHeading("Postes");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("ABEJ Solidarité")
                .contains("Armée du Salut Lyon");
    }

    /** The text of the yearly table's cell of the figure {@code figure} (its key) in the row {@code line}. */
    String cell(String line, String figure) {
        return browser.findElement(By.cssSelector("tr[data-line='" + line + "'] td[data-figure='" + figure + "']"))
                .getText();
    }

    @Test
    void aNationalAccountSignsInWithItsSecondFactorAndReadsTheYearlyTable() throws Exception {
        YearlyDataSet.load(store);
        typePassword("nadia", ConsoleWebTest.NATIONAL_PASSWORD);
        awaitHeading("Second facteur");
        browser.findElement(By.id("code")).sendKeys(Totp.codeAt(nationalSecret, clock.millis()), Keys.ENTER);
        awaitHeading("Bonjour Nadia National");
        browser.findElement(By.cssSelector("header nav")).findElement(By.linkText("Tableau annuel")).click();
        awaitHeading("Tableau annuel 2026 · France entière");
        screenshot("annee");
        // The hand-counted figures (YearlyTablesTest): the country, its year before, the change.
        assertThat(cell("lille", "activeCaseload")).isEqualTo("5");
        assertThat(cell("lyon", "hoursWorked")).isEqualTo("15");
        assertThat(cell("total", "activeCaseload")).isEqualTo("6");
        assertThat(cell("total", "dynamicExitShare")).isEqualTo("66,7 %");
        assertThat(cell("total", "phcToCddi")).isEqualTo("1");
        assertThat(cell("total", "fullTimeEquivalents")).isEqualTo("0,02");
        assertThat(cell("total-precedent", "activeCaseload")).isEqualTo("5");
        assertThat(cell("evolution", "dynamicExitShare")).isEqualTo("+16,7 points");
        // Readable at 1366×768: the whole table fits the window's width, no sideways scrolling.
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('tableau-annuel').getBoundingClientRect().right - window.innerWidth;");
        assertThat(((Number) overflow).doubleValue()).isLessThanOrEqualTo(0);

        browser.findElement(By.linkText("Lille")).click();
        awaitHeading("Tableau annuel 2026 · Lille");
        assertThat(cell(YearlyDataSet.ABEJ, "exits")).isEqualTo("2");
        browser.findElement(By.linkText("ABEJ Solidarité (Lille)")).click();
        awaitHeading("Tableau annuel 2026 · ABEJ Solidarité (Lille)");
        screenshot("annee-chantier");
        assertThat(cell("2026-01", "hoursWorked")).isEqualTo("10");
        assertThat(cell("2026-02", "phcToCddi")).isEqualTo("1");

        browser.findElement(By.id("annee")).clear();
        browser.findElement(By.id("annee")).sendKeys("2025", Keys.ENTER);
        awaitHeading("Tableau annuel 2025 · ABEJ Solidarité (Lille)");
        assertThat(cell("2025-05", "hoursWorked")).isEqualTo("20");
    }

    @Test
    void aCoordinatorGoesFromTheYearlyTableToAMonthsStatementAndDownloadsItsCsv() throws Exception {
        YearlyDataSet.load(store);
        YearlyDataSet.addParticipant(store, "P1", YearlyDataSet.ABEJ, "Témoin-Nom", "Témoin-Prénom");
        typePassword("colette", ConsoleWebTest.COORDINATOR_PASSWORD);
        awaitHeading("Bonjour Colette Coordination");
        browser.get(url("/console/tableau-annuel/chantiers/" + YearlyDataSet.ABEJ + "?annee=2026"));
        awaitHeading("Tableau annuel 2026 · ABEJ Solidarité (Lille)");
        browser.findElement(By.linkText("janvier 2026")).click();
        awaitHeading("Relevé mensuel des heures · ABEJ Solidarité (Lille) · janvier 2026");
        screenshot("releve-mensuel");
        // The hand-counted figures (MonthlyStatementsTest), ids and no name.
        assertThat(cell("P1", "phcStep")).isEqualTo("4 h");
        assertThat(cell("P1", "worked")).isEqualTo("10 h");
        assertThat(cell("P2", "weeklyHours")).isEqualTo("26 h");
        assertThat(cell("total", "fte")).isEqualTo("0,07");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Témoin");
        // Readable at 1366×768: the menu and a long signed-in name on one line, the statement within the width.
        Object lines = ((JavascriptExecutor) browser).executeScript("return Math.abs(document.querySelector("
                + "'header .who').getBoundingClientRect().top - document.querySelector('header nav')"
                + ".getBoundingClientRect().top) < 20;");
        assertThat(lines).isEqualTo(Boolean.TRUE);
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('releve-mensuel').getBoundingClientRect().right - window.innerWidth;");
        assertThat(((Number) overflow).doubleValue()).isLessThanOrEqualTo(0);

        // The next month, then its CSV.
        browser.findElement(By.linkText("février 2026 →")).click();
        awaitHeading("Relevé mensuel des heures · ABEJ Solidarité (Lille) · février 2026");
        assertThat(cell("P1", "exitCategory")).isEqualTo("Passage en CDDI");
        Path csv = downloads.resolve("releve-mensuel-" + YearlyDataSet.ABEJ + "-2026-02.csv");
        Files.deleteIfExists(csv);
        browser.findElement(By.linkText("Télécharger ce relevé (CSV pour Excel)")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).withMessage(csv.getFileName() + " downloaded")
                .until(d -> Files.isRegularFile(csv) && csv.toFile().length() > 0);
        assertThat(Files.readString(csv, java.nio.charset.StandardCharsets.UTF_8)).startsWith("\uFEFFChantier;Mois;N°;")
                .contains(";P1;Contrat Premières Heures;").doesNotContain("Témoin");
    }

    @Test
    void aCoordinatorSignsInWithThePasswordAndIsRefusedAnotherTerritory() throws Exception {
        typePassword("colette", ConsoleWebTest.COORDINATOR_PASSWORD);
        awaitHeading("Bonjour Colette Coordination");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("l’export CSV et le PDF")
                .doesNotContain("Pas encore construit");
        browser.get(url("/console/chantiers/" + ConsoleWebTest.LYON_WORKSITE));
        awaitHeading("Accès refusé");
        screenshot("refus");
        assertThat(browser.getPageSource()).doesNotContain("Émettre le code");
    }

    @Test
    void aCoordinatorEnrolsALaptopThenRevokesItAndItsNextSyncIsRefused() throws Exception {
        typePassword("colette", ConsoleWebTest.COORDINATOR_PASSWORD);
        awaitHeading("Bonjour Colette Coordination");
        browser.findElement(By.linkText("Postes")).click();
        awaitHeading("Postes");
        browser.findElement(By.linkText("Émettre un code d’enrôlement pour ce chantier")).click();
        awaitHeading("ABEJ Solidarité (Lille)");
        browser.findElement(By.id("label")).sendKeys("Sandrine");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        awaitHeading("Code d’enrôlement · ABEJ Solidarité (Lille)");
        screenshot("code");
        String code = browser.findElement(By.id("code")).getText();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(browser.findElement(By.id("expiration")).getText()).contains("14/12/2026");

        // The laptop enters the code (as its Synchronisation settings do) and syncs.
        String deviceId = UUID.randomUUID().toString();
        String token = hub.enrolments().enrol(code, deviceId, "portable").orElseThrow().token();
        assertThat(sync(deviceId, token).statusCode()).isEqualTo(200);

        browser.findElement(By.linkText("Retour aux postes")).click();
        awaitHeading("Postes");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Sandrine — portable")
                .contains("Historique");
        browser.findElement(By.cssSelector("a[href='/console/postes/" + deviceId + "/revocation']")).click();
        awaitHeading("Révoquer un poste");
        screenshot("revocation");
        browser.findElement(By.cssSelector("button.danger")).click();
        awaitHeading("Poste révoqué");
        assertThat(browser.findElement(By.id("confirmation")).getText()).contains("Sandrine — portable");

        HttpResponse<String> refused = sync(deviceId, token);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("device-revoked");
    }

    @Test
    void aCoordinatorReadsDevicesHealthAndJournalDownloadsTheCsvAndAFormWithAForeignTokenIsRefused()
            throws Exception {
        String code = hub.enrolments().issueCode("worksite", ConsoleWebTest.LILLE_WORKSITE, "Sandrine",
                Duration.ofDays(7));
        String deviceId = UUID.randomUUID().toString();
        String token = hub.enrolments().enrol(code, deviceId, "portable").orElseThrow().token();
        assertThat(sync(deviceId, token, List.of(ConsoleWebTest.refusedChange(1, ConsoleWebTest.LILLE_WORKSITE)),
                new ClientReport("0.3.0", "sandrine", 1, clock.millis() - Duration.ofDays(2).toMillis()))
                .statusCode()).isEqualTo(200);
        typePassword("colette", ConsoleWebTest.COORDINATOR_PASSWORD);
        awaitHeading("Bonjour Colette Coordination");
        browser.findElement(By.linkText("Postes")).click();
        awaitHeading("Postes");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("sandrine").contains("0.3.0")
                .contains("2 modifications");
        screenshot("postes");
        browser.findElement(By.linkText("Historique")).click();
        awaitHeading("Historique du poste «\u00a0Sandrine — portable\u00a0»");
        screenshot("historique");
        browser.findElement(By.linkText("Synchronisation")).click();
        awaitHeading("Santé de la synchronisation");
        screenshot("sante");
        assertThat(browser.findElement(By.id("sante")).getText()).contains("ABEJ Solidarité (Lille)")
                .contains("2 modifications").doesNotContain("Lyon");

        // The CSV, downloaded by the browser as a person clicking the link, then read as Excel would.
        Path csv = downloads.resolve("sante-synchronisation.csv");
        Files.deleteIfExists(csv);
        browser.findElement(By.linkText("Exporter ce tableau (CSV pour Excel)")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).withMessage("sante-synchronisation.csv downloaded")
                .until(d -> Files.isRegularFile(csv) && csv.toFile().length() > 0);
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "\uFEFFTerritoire;Chantier;Conflits ouverts;Âge du plus ancien conflit (jours);"
                        + "Modifications en quarantaine;Âge de la plus ancienne (jours);Postes actifs",
                "Lille;ABEJ Solidarité (Lille);0;;2;2;1");

        browser.findElement(By.linkText("Journal")).click();
        awaitHeading("Journal de la console");
        screenshot("journal");
        browser.findElement(By.linkText("Mot de passe")).click();
        awaitHeading("Changer de mot de passe");
        screenshot("mot-de-passe");
        // A form whose token is not the session's (as one sent from another site would be) is refused.
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector('main input[name=csrf]').value = 'venu-d-ailleurs';");
        browser.findElement(By.id("current")).sendKeys(ConsoleWebTest.COORDINATOR_PASSWORD);
        browser.findElement(By.id("new")).sendKeys("un-autre-mot-de-passe");
        browser.findElement(By.id("confirm")).sendKeys("un-autre-mot-de-passe", Keys.ENTER);
        awaitHeading("Accès refusé");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Formulaire expiré ou venu d’ailleurs");
        assertThat(store.auditJournal(5)).anyMatch(e -> e.action().equals("csrf-refused")
                && e.detail().equals("path=/console/mot-de-passe"));
        assertThat(store.auditJournal(20)).noneMatch(e -> e.action().equals("password-changed"));
    }

    HttpResponse<String> sync(String deviceId, String token) throws Exception {
        return sync(deviceId, token, List.of(), null);
    }

    HttpResponse<String> sync(String deviceId, String token, List<Operation> operations, ClientReport report)
            throws Exception {
        byte[] body = SyncCodec.encode(new SyncRequest(SyncCodec.PROTOCOL, deviceId, null, 0, 0, operations, false,
                null, null, null, null, report));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(SyncCodec.SYNC_PATH)))
                .header("Authorization", "Bearer " + token).header("Content-Type", SyncCodec.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
