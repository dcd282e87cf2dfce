package eu.guichet.security;

/** Implemented by the principal of every sign-in method, so each request can name its {@link CurrentUser}. */
public interface SignedInUser {
    CurrentUser currentUser();
}
