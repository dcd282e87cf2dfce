package eu.guichet.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail, in process, on a free port) that receives the e-mails Guichet sends, as a JUnit
 * extension: {@code @RegisterExtension static final Mailbox MAIL = new Mailbox();} starts it before the test class
 * and stops it after; a {@code @DynamicPropertySource} method calls {@link #register} so that the application sends
 * here, and the test drains the outbox itself.
 */
public final class Mailbox implements BeforeAllCallback, AfterAllCallback {

    private final int port = freePort();
    private final GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));

    /** The mail sender points here; the scheduled drain waits an hour and a failed e-mail is due again at once. */
    public void register(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> port);
        properties.add("guichet.notification.drain-interval", () -> "1h");
        properties.add("guichet.notification.retry-backoff", () -> "0s");
    }

    @Override
    public void beforeAll(ExtensionContext junit) {
        smtp.start();
    }

    @Override
    public void afterAll(ExtensionContext junit) {
        smtp.stop();
    }

    /** Stops the server until {@link #open()}: sending fails meanwhile. */
    public void close() {
        smtp.stop();
    }

    public void open() {
        smtp.start();
    }

    /** The e-mails received so far whose decoded text matches. */
    public List<MimeMessage> received(Predicate<String> text) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> text.test(text(m))).toList();
    }

    /** The decoded text of an e-mail (its raw body is quoted-printable: non-ASCII French), with {@code \n} lines. */
    public static String text(MimeMessage mail) {
        try {
            return mail.getContent().toString().replace("\r\n", "\n");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first recipient's address. */
    public static String recipient(MimeMessage mail) {
        try {
            return Arrays.stream(mail.getAllRecipients()).map(Address::toString).findFirst().orElseThrow();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
