package eu.guichet.cli;

import java.io.PrintWriter;
import java.util.Optional;

import picocli.CommandLine.Option;

/** Where Guichet is and who calls it: the options every command that talks to the API shares (a picocli mixin). */
final class ServerOptions {

    @Option(names = "--server", defaultValue = "${env:GUICHET_URL:-http://localhost:8080}",
            description = "Guichet's address (env GUICHET_URL; default ${DEFAULT-VALUE})")
    String server;

    @Option(names = "--user", defaultValue = "${env:GUICHET_USER}", description = "username (HTTP Basic; env GUICHET_USER)")
    String user;

    @Option(names = "--password", defaultValue = "${env:GUICHET_PASSWORD}", interactive = true, arity = "0..1",
            description = "password (env GUICHET_PASSWORD; asked when given without a value)")
    String password;

    @Option(names = "--token", defaultValue = "${env:GUICHET_TOKEN}",
            description = "OpenID Connect bearer token instead of a password (env GUICHET_TOKEN)")
    String token;

    /** A client for these options, or empty after telling the user which credentials are missing. */
    Optional<ApiClient> client(PrintWriter err) {
        if (token == null && (user == null || password == null)) {
            err.println("Give --user and --password (or GUICHET_USER and GUICHET_PASSWORD), or --token.");
            return Optional.empty();
        }
        return Optional.of(new ApiClient(server, user, password, token));
    }
}
