package cn.cfp.shared.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * While the platform runs on the embedded database, other processes of the same machine (the {@code ./cfp audit
 * verify} command) reach it through an H2 listener on the loopback address only, on a random port, with the database's
 * generated password; its address is written to {@code <db dir>/server.properties} (0600) and removed at shutdown. It
 * replaces H2's {@code AUTO_SERVER}, which listened on every interface (issue 8 item 2).
 */
@Component
@ConditionalOnClass(Server.class)
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:') and !${cfp.embedded-db.client:false}")
class EmbeddedDatabaseServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);

    private final Path database;
    private final String options;
    private volatile Server server;

    /** The data source is a parameter so that the database is open (and migrated) before the listener starts. */
    EmbeddedDatabaseServer(DataSource dataSource, @Value("${spring.datasource.url}") String url) {
        this.database = EmbeddedDatabaseSetup.databasePath(url);
        this.options = EmbeddedDatabaseSetup.options(url);
    }

    @Override
    public void start() {
        DataDirectory.secureTree(database.getParent()); // the files H2 created since the data directory was secured
        byte[] management = new byte[16];
        new SecureRandom().nextBytes(management);
        try {
            server = Server.createTcpServer("-tcpPort", "0", "-ifExists", "-tcpDaemon",
                    "-tcpPassword", HexFormat.of().formatHex(management)).start();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start the loopback listener of the embedded database", e);
        }
        String host = InetAddress.getLoopbackAddress().getHostAddress();
        String url = "jdbc:h2:tcp://" + host + ":" + server.getPort() + "/" + database;
        DataDirectory.writeSecret(serverFile(), "# the running platform's embedded database (loopback only)\n"
                + "port=" + server.getPort() + "\nurl=" + url.replace("\\", "\\\\").replace(":", "\\:") + "\n");
        log.info("Embedded database listens on {}:{} (loopback only) for local commands such as `cfp audit verify`", host, server.getPort());
    }

    @Override
    public void stop() {
        Server s = server;
        server = null;
        if (s != null) {
            s.stop();
        }
        try {
            Files.deleteIfExists(serverFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    int port() {
        return server.getPort();
    }

    String options() {
        return options;
    }

    private Path serverFile() {
        return database.getParent().resolve(EmbeddedDatabaseSetup.SERVER);
    }
}
