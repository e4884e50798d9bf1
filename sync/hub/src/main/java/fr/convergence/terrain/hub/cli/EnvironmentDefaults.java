package fr.convergence.terrain.hub.cli;

import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine;

/**
 * Defaults of the hub's options taken from {@code TERRAIN_HUB_*} environment variables, so that systemd's
 * {@code EnvironmentFile} (or a shell that sources the same file) configures the hub without a command line that
 * shows in {@code ps}. An option given on the command line wins over the environment, which wins over the
 * built-in default. Only where the hub runs and which database it uses come from the environment: an
 * enrolment's worksite or a purge horizon must be said on the command line. Passwords never are options: they
 * are read from the variables named by {@code --db-password-env} and {@code --keystore-password-env}.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {

    /** Option name → environment variable. */
    static final Map<String, String> VARIABLES = Map.of(
            "--db", "TERRAIN_HUB_DB_URL",
            "--db-user", "TERRAIN_HUB_DB_USER",
            "--host", "TERRAIN_HUB_HOST",
            "--port", "TERRAIN_HUB_PORT",
            "--keystore", "TERRAIN_HUB_KEYSTORE",
            "--behind-proxy", "TERRAIN_HUB_BEHIND_PROXY");

    private final UnaryOperator<String> environment;

    EnvironmentDefaults(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argument) {
        if (!(argument instanceof CommandLine.Model.OptionSpec option)) {
            return null;
        }
        String variable = VARIABLES.get(option.longestName());
        if (variable == null) {
            return null;
        }
        String value = environment.apply(variable);
        // An empty value (KEY= in the environment file) means "not set", as for most Unix tools.
        return value == null || value.isBlank() ? null : value.trim();
    }
}
