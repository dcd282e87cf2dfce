package eu.guichet.dataplane.engine;

/** A query the sandbox refused or that failed; the message is the engine's, safe to show to the query's author. */
public class SandboxException extends RuntimeException {

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
