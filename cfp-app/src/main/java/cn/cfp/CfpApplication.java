package cn.cfp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CfpApplication {
    public static void main(String[] args) {
        SpringApplication.run(CfpApplication.class, args);
    }
}
