package cn.cfp;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The test context's mail server: GreenMail, an SMTP server in this JVM on a free port, which the platform's Spring Mail
 * sender talks real SMTP to. Tests read what arrived, and may stop the server and start it again (same port) to see
 * that a business action does not depend on it.
 */
public final class TestMail {

    private final int port;
    private GreenMail server;

    private TestMail(int port) {
        this.port = port;
        start();
    }

    public synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every message received (since the server last started) with this address among its recipients. */
    public synchronized List<MimeMessage> to(String address) {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients() != null && Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** A message's plain text, decoded. */
    public static String text(MimeMessage m) {
        try {
            return (String) m.getContent();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean(destroyMethod = "stop")
        TestMail testMail() {
            return new TestMail(freePort());
        }

        /** The sender the platform uses in tests: to the in-process server, with short timeouts. */
        @Bean
        @Primary
        JavaMailSender testMailSender(TestMail mail) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(mail.port);
            sender.setDefaultEncoding("UTF-8");
            Properties p = new Properties();
            p.put("mail.smtp.connectiontimeout", "2000");
            p.put("mail.smtp.timeout", "5000");
            sender.setJavaMailProperties(p);
            return sender;
        }
    }
}
