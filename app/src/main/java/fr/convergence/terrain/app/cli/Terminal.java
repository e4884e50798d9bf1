package fr.convergence.terrain.app.cli;

import java.io.Console;

/**
 * What a command reads from where it runs besides its arguments: environment variables and a password typed at the
 * console. The launcher gives {@link #SYSTEM}; whoever runs the command line in-process (the tests) gives its own,
 * like the desktop that {@link TerrainCommand#run} is given.
 */
public interface Terminal {

    /** The value of the environment variable {@code name}, or null when it is not set. */
    String variable(String name);

    /** The password typed after {@code prompt}, without echo; null when there is no console to type it on. */
    char[] readPassword(String prompt);

    /** The process's environment and its console ({@link System#console()}, none when input is redirected). */
    Terminal SYSTEM = new Terminal() {
        @Override
        public String variable(String name) {
            return System.getenv(name);
        }

        @Override
        public char[] readPassword(String prompt) {
            Console console = System.console();
            return console == null ? null : console.readPassword("%s", prompt);
        }
    };
}
