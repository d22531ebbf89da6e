package io.dastyar;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DastyarApplication {

    private static final String TOMCAT_WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    public static void main(String[] args) {
        // Tomcat gives every WebSocket 8 KiB frame buffers, read from this property when its WebSocket classes load,
        // before any bean exists. At thousands of widget connections that was a fifth of the heap; frames larger
        // than the buffer are still handled, in parts. An operator's own -D setting wins.
        if (System.getProperty(TOMCAT_WEBSOCKET_BUFFER) == null) {
            System.setProperty(TOMCAT_WEBSOCKET_BUFFER, "2048");
        }
        SpringApplication.run(DastyarApplication.class, args);
    }
}
