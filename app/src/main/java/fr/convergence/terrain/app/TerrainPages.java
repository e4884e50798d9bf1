package fr.convergence.terrain.app;

import fr.convergence.terrain.app.account.AccountsPage;
import fr.convergence.terrain.app.audit.AuditPage;
import fr.convergence.terrain.app.participant.ParticipantsPage;
import fr.convergence.terrain.app.print.PrintsPage;
import fr.convergence.terrain.app.referral.ReferralsPage;
import fr.convergence.terrain.app.report.ReportsPage;
import fr.convergence.terrain.app.retention.RetentionPage;
import fr.convergence.terrain.app.shell.PageRegistry;
import fr.convergence.terrain.app.sync.SyncAgent;
import fr.convergence.terrain.app.sync.SyncPage;
import fr.convergence.terrain.app.sync.SyncViewModel;
import fr.convergence.terrain.app.week.WeekPage;

/**
 * The pages of the main window, in navigation order, assembled here with the application so that the shell knows
 * only the page abstraction. Built at each sign-in around the services that live while someone is signed in
 * (the sync). Adding a feature is one line:
 * {@code .add("id", "nav.key", ctx -> new MyPage(new MyViewModel(ctx.services()..., ctx.executor())))}.
 */
public final class TerrainPages {

    private TerrainPages() {
    }

    /** @param sync the laptop's sync, which the Synchronisation page presents */
    public static PageRegistry standard(SyncAgent sync) {
        return new PageRegistry()
                .add("week", "nav.week", WeekPage::new)
                .add("participants", "nav.participants", ParticipantsPage::new)
                .add("referrals", "nav.referrals", ReferralsPage::new)
                .add("reports", "nav.reports", ReportsPage::new)
                .add("sync", "nav.sync", ctx -> new SyncPage(new SyncViewModel(sync, ctx.clock().getZone())))
                .add("print", "nav.print", PrintsPage::new)
                .add("accounts", "account.nav", AccountsPage::new, AccountsPage::visibleTo)
                .add("audit", "audit.nav", AuditPage::new, AuditPage::visibleTo)
                .add("retention", "retention.nav", RetentionPage::new, RetentionPage::visibleTo);
    }
}
