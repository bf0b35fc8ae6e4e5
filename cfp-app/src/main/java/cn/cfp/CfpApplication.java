package cn.cfp;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
public class CfpApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(CfpApplication.class, args);
        if (isCommand(args)) {
            // a command-line run (e.g. `audit verify`): stop with the command's exit code
            System.exit(SpringApplication.exit(context));
        }
    }

    /** Words that are not --options are a command (`audit verify`); without them the platform serves. */
    static boolean isCommand(String[] args) {
        return Arrays.stream(args).anyMatch(a -> !a.startsWith("--"));
    }
}
