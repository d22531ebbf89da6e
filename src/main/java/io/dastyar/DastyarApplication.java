package io.dastyar;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DastyarApplication {
    public static void main(String[] args) {
        SpringApplication.run(DastyarApplication.class, args);
    }
}
